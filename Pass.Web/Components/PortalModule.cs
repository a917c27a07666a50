using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Pass.Web.Client;
using Pass.Web.Client.Localization;
using Pass.Web.Components.Account;
using Pass.Web.Data;

namespace Pass.Web.Components;

/// <summary>The portal: the Blazor Web App (server pages, the WebAssembly pages of Pass.Web.Client), Identity's account pages, languages.</summary>
public static class PortalModule
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<IdentityRedirectManager>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();

        // Antiforgery's cookie is Secure whenever the request is (its default sends it over plain HTTP too).
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Serving a build (dotnet run, the tests), MapStaticAssets' reloader checks each file against the manifest; in
        // ASP.NET Core 10.0.12 it compares the file's Last-Modified, to the sub-second, with the manifest's whole second,
        // so it takes every file for edited and sends it re-gzipped at NoCompression: 36 MB for a first visit of /me/qr
        // instead of 13 MB. Nothing edits the build's files under `dotnet run`; `dotnet watch` (DOTNET_WATCH=1) keeps it.
        if (Environment.GetEnvironmentVariable("DOTNET_WATCH") != "1")
        {
            builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= bool.FalseString;
        }

        builder.Services.AddRazorComponents()
            .AddInteractiveWebAssemblyComponents()
            .AddAuthenticationStateSerialization(options => options.SerializeAllClaims = true);
        builder.Services.AddPortalComponents();

        // The viewer's language: a signing-in site's ui_locales, else the cookie set by the language switch, else the browser's, else English.
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(PortalCulture.English)
                .AddSupportedCultures([.. PortalCulture.Supported])
                .AddSupportedUICultures([.. PortalCulture.Supported]);
            options.ApplyCurrentCultureToResponseHeaders = true;
            options.RequestCultureProviders.Insert(0, new UiLocalesCultureProvider());
        });
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
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
        return TypedResults.LocalRedirect(Pass.Shared.ReturnUrls.IsLocalPath(redirectUri) ? redirectUri! : "/");
    }
}
