using Microsoft.AspNetCore.Localization;
using Pass.Web.Client;
using Pass.Web.Client.Localization;

namespace Pass.Web.Components;

public static class PortalSetup
{
    public static WebApplicationBuilder AddPassPortal(this WebApplicationBuilder builder)
    {
        // Antiforgery's cookie is Secure whenever the request is (its default sends it over plain HTTP too).
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddRazorComponents()
            .AddInteractiveWebAssemblyComponents()
            .AddAuthenticationStateSerialization(options => options.SerializeAllClaims = true);
        builder.Services.AddPortalComponents();

        // The viewer's language: the cookie set by the language switch, else the browser's, else English.
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(PortalCulture.English)
                .AddSupportedCultures([.. PortalCulture.Supported])
                .AddSupportedUICultures([.. PortalCulture.Supported]);
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return builder;
    }

    public static WebApplication MapPassPortal(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseWebAssemblyDebugging();
        }

        app.MapStaticAssets();
        app.MapGet("/culture/set", SetCulture).ExcludeFromDescription().AllowAnonymous();
        app.MapRazorComponents<App>()
            .AddInteractiveWebAssemblyRenderMode()
            .AddAdditionalAssemblies(typeof(Client._Imports).Assembly);
        app.MapAdditionalIdentityEndpoints();
        return app;
    }

    /// <summary>Stores the chosen language for a year and returns to the page (local addresses only).</summary>
    public static IResult SetCulture(HttpContext context, string? culture, string? redirectUri)
    {
        if (culture is null || !PortalCulture.Supported.Contains(culture))
        {
            return TypedResults.BadRequest();
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/" });
        var target = redirectUri is { Length: > 0 } && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal)
            && !redirectUri.StartsWith("/\\", StringComparison.Ordinal) ? redirectUri : "/";
        return TypedResults.LocalRedirect(target);
    }
}
