using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Pass.Web.Client.Localization;

namespace Pass.Web.Components;

/// <summary>
/// A site that sends <c>ui_locales</c> (OIDC Core §3.1.2.1) with its sign-in request gets the sign-in and consent pages
/// in that language: read from the request itself (the authorize and consent pages) or from the <c>ReturnUrl</c> that
/// carries it to the sign-in page. It goes before the language cookie, for these pages only.
/// </summary>
public sealed class UiLocalesCultureProvider : RequestCultureProvider
{
    public const string Parameter = "ui_locales";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var query = httpContext.Request.Query;
        var uiLocales = query[Parameter].ToString();
        if (uiLocales.Length == 0 && query["ReturnUrl"].ToString() is { Length: > 0 } returnUrl && returnUrl.IndexOf('?') is var at and >= 0)
        {
            uiLocales = QueryHelpers.ParseQuery(returnUrl[at..]).TryGetValue(Parameter, out var value) ? value.ToString() : "";
        }

        return Task.FromResult(PortalCulture.FromUiLocales(uiLocales) is { } culture ? new ProviderCultureResult(culture) : null);
    }
}
