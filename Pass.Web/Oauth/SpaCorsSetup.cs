using Microsoft.AspNetCore.Cors.Infrastructure;
using Pass.Web.Clients;

namespace Pass.Web.Oauth;

public static class SpaCorsSetup
{
    public static IServiceCollection AddSpaCors(this IServiceCollection services) =>
        services.AddSingleton<SpaOrigins>().AddCors().AddSingleton<ICorsPolicyProvider, SpaCors>();

    /// <summary>Before routing: check_token answers from routing itself, and OpenIddict from authentication.</summary>
    public static WebApplication UseSpaCors(this WebApplication app)
    {
        app.UseWhen(SpaCors.IsBrowserApi, browser => browser
            .Use((context, next) =>
            {
                // The answer depends on the asking origin: a shared cache must not hand one origin's to another.
                context.Response.Headers.Vary = "Origin";
                return next(context);
            })
            .UseCors());
        return app;
    }
}
