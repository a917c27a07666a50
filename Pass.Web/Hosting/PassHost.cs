using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;
using Pass.Web.Clients;
using Pass.Web.Data;
using Pass.Web.Users;

namespace Pass.Web.Hosting;

/// <summary>
/// The composition root's own parts: request logging, the API document, health checks, and the middleware
/// pipeline every module's endpoints run in.
/// </summary>
public static class PassHost
{
    public static WebApplicationBuilder AddPassHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // One line per request: method, path without query, status, duration. Never headers, queries or bodies,
        // which carry tokens, secrets and card numbers.
        services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });
        services.AddPassApiDocumentation();
        return builder;
    }

    public static WebApplication UsePassPipeline(this WebApplication app)
    {
        app.UsePassProxies(); // first: everything below reads the client's address and scheme
        app.UsePassSecurityHeaders();
        app.UsePassErrors();
        if (app.Configuration.GetValue("Pass:RequestLogging", true))
        {
            app.UseHttpLogging();
        }

        // CORS ahead of routing: OpenIddict answers discovery, keys and revocation from authentication, not an endpoint.
        // The rate limits of the matched endpoint's group come right after routing; check_token then answers at once
        // (it authenticates its own bearer token, so it skips authentication, authorization and antiforgery below).
        app.UseSpaCors();
        app.UseRouting();
        app.UsePassRateLimits();
        app.UseEarlyAnswers();
        app.UseLiveStreamsEndOnShutdown();

        // Only pages speak the viewer's language; the APIs skip the culture lookup.
        app.UseWhen(RequestAreas.IsPage, pages => pages.UseRequestLocalization());
        app.UseOneConnectionPerRequest();
        app.UseAuthentication();
        app.UseTemporaryPasswordChange();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPassHost(this WebApplication app)
    {
        app.MapHealthChecks(PassRoutes.Health).AllowAnonymous();
        app.MapHealthChecks(PassRoutes.Health + "/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(PassRoutes.Health + "/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteReadyAsync })
            .AllowAnonymous();
        app.MapPassApiDocumentation();

        // The benchmark's ceiling (bench/run.sh): the same server build answering 200 and doing nothing.
        if (app.Configuration.GetValue("Pass:Bench:Enabled", false))
        {
            app.MapGet("/bench/ceiling", () => Results.Ok()).ShortCircuit().ExcludeFromDescription();

            // Memory per live watcher is measured between two full collections, not between two GC budgets.
            app.MapPost("/bench/gc", () =>
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                return Results.Ok();
            }).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        }
        return app;
    }

    /// <summary>The status, then why each part that is not healthy is not ("Degraded: cluster: check_token reads the database: …").</summary>
    private static Task WriteReadyAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var reasons = report.Entries
            .Where(entry => entry.Value.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            .Select(entry => $"{entry.Key}: {entry.Value.Description ?? entry.Value.Exception?.GetType().Name ?? entry.Value.Status.ToString()}");
        return context.Response.WriteAsync(string.Join("\n", [report.Status.ToString(), .. reasons]));
    }
}
