using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.EntityFrameworkCore;
using Pass.Shared.Oauth;
using Pass.Web.Api;
using Pass.Web.Audit;
using Pass.Web.Cards;
using Pass.Web.Clients;
using Pass.Web.Data;
using Pass.Web.Kiosk;
using Pass.Web.Logout;
using Pass.Web.Oauth;
using Pass.Web.Sms;
using Pass.Web.QrLogin;
using Pass.Web.Tokens;
using Pass.Web.Users;

namespace Pass.Web.Hosting;

public static class PassFeatures
{
    public static WebApplicationBuilder AddPassFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        services.AddOptions<QrOptions>().BindConfiguration(QrOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AuditLog>();
        services.AddScoped<QrLoginService>();
        services.AddSingleton<QrSessionNotifier>();
        services.AddScoped<Pass.Shared.QrLogin.IMyQrService, ServerMyQrService>();
        services.AddScoped<Kiosk.KioskRequests>();
        services.AddSingleton<Kiosk.KioskSignInNotifier>();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Sms.PhoneNormalizer>();
        services.AddScoped<Sms.SmsCodes>();
        services.AddScoped<Pass.Shared.Sms.ISmsOutbox, Sms.ServerSmsOutbox>();
        if (builder.Configuration.GetSection(SmsOptions.Section).Get<SmsOptions>()?.Gateway.Url is not null)
        {
            services.AddHttpClient<Sms.ISmsSender, Sms.HttpGatewaySmsSender>();
        }
        else
        {
            services.AddSingleton<Sms.ISmsSender, Sms.OutboxOnlySmsSender>();
        }

        services.AddScoped<CardService>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<TokenAdministration>();
        services.AddScoped<Pass.Shared.Cards.IMyCardsService, ServerMyCardsService>();
        services.AddScoped<Pass.Shared.Cards.ICardDeskService, ServerCardDeskService>();
        services.AddScoped<Pass.Shared.Users.IPeopleAdmin, ServerPeopleAdmin>();
        services.AddScoped<Pass.Shared.Clients.IClientsAdmin, ServerClientsAdmin>();
        services.AddScoped<Pass.Shared.Tokens.ITokensAdmin, ServerTokensAdmin>();
        services.AddScoped<Pass.Shared.Audit.IAuditTrail, ServerAuditTrail>();
        services.AddScoped<Pass.Shared.QrLogin.IQrBoard, ServerQrBoard>();
        services.AddScoped<Pass.Shared.Tokens.IMyTokensService, ServerMyTokensService>();
        services.AddProblemDetails();
        services.AddSpaCors();
        services.AddPassLogout();

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
        if (app.Configuration.GetValue("Pass:RequestLogging", true))
        {
            app.UseHttpLogging();
        }

        // Rate limits ahead of routing, which answers check_token itself (a short-circuit endpoint: it authenticates its
        // own bearer token, so it skips the authentication, authorization and antiforgery steps below).
        app.UseSpaCors();
        app.UsePassRateLimits();
        app.UseRouting();
        app.UseLiveStreamsEndOnShutdown();

        // Only pages speak the viewer's language; check_token and the APIs skip the culture lookup.
        app.UseWhen(c => !ErrorResponses.IsOauth(c) && !ErrorResponses.IsApi(c), pages => pages.UseRequestLocalization());
        // A token request reads and writes the database five or six times (client, token, payload, audit...); one
        // pooled SQLite connection held for the request saves opening and resetting it before each of them.
        app.UseWhen(HoldsOneConnection, oauth => oauth.Use(async (context, next) =>
        {
            var database = context.RequestServices.GetRequiredService<PassDbContext>().Database;
            await database.OpenConnectionAsync(context.RequestAborted);
            try
            {
                await next(context);
            }
            finally
            {
                await database.CloseConnectionAsync();
            }
        }));
        app.UseAuthentication();
        app.UseTemporaryPasswordChange();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static bool HoldsOneConnection(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Value is PassRoutes.Token or PassRoutes.Revoke or PassRoutes.Introspect or PassRoutes.QrCode;

    public static WebApplication MapPassFeatures(this WebApplication app)
    {
        app.MapQrLoginEndpoints();
        app.MapAccountEndpoints();
        app.MapMyQrEndpoints();
        app.MapKioskEndpoints();
        app.MapSmsEndpoints();
        app.MapQrBoardEndpoints();
        app.MapUserEndpoints();
        app.MapClientEndpoints();
        app.MapCardEndpoints();
        app.MapTokenEndpoints();
        app.MapAuditEndpoints();
        app.MapHealthChecks(PassRoutes.Health).AllowAnonymous();
        app.MapHealthChecks(PassRoutes.Health + "/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(PassRoutes.Health + "/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
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
}
