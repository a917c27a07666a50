using Pass.Shared.Oauth;
using Pass.Web.Api;
using Pass.Web.Audit;
using Pass.Web.Cards;
using Pass.Web.Clients;
using Pass.Web.QrLogin;
using Pass.Web.Tokens;
using Pass.Web.Users;
using Scalar.AspNetCore;

namespace Pass.Web.Hosting;

public static class PassFeatures
{
    public static WebApplicationBuilder AddPassFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<QrOptions>().BindConfiguration(QrOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AuditLog>();
        services.AddScoped<QrLoginService>();
        services.AddScoped<CardService>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<TokenAdministration>();
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Pass API";
            document.Info.Description = "Unified sign-in: the seed's v2 OAuth API (check_token, QR, card, terminal) and the portal's management API.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication UsePassPipeline(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPassFeatures(this WebApplication app)
    {
        app.MapQrLoginEndpoints();
        app.MapAccountEndpoints();
        app.MapMyQrEndpoints();
        app.MapUserEndpoints();
        app.MapClientEndpoints();
        app.MapCardEndpoints();
        app.MapTokenEndpoints();
        app.MapAuditEndpoints();
        app.MapHealthChecks(PassRoutes.Health).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options.WithTitle("Pass API")).AllowAnonymous();
        return app;
    }
}
