using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Pass.Web.Client.Localization;

/// <summary>
/// The portal's languages. The server picks the culture (cookie, then Accept-Language) and writes it into
/// <c>&lt;html lang&gt;</c>; the browser side adopts the same one, so prerendered and interactive text agree.
/// </summary>
public static class PortalCulture
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static readonly IReadOnlyList<string> Supported = [English, Chinese];

    /// <summary>
    /// The first supported language of an OIDC <c>ui_locales</c> list (BCP 47 tags, space-separated, in order of
    /// preference): "zh", "zh-Hans" and "zh-CN" are Chinese, any "en" English; null when none is supported.
    /// </summary>
    public static string? FromUiLocales(string? uiLocales)
    {
        foreach (var tag in (uiLocales ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var language = tag.Split('-')[0];
            if (language.Equals("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }

            if (language.Equals("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return null;
    }

    /// <summary>The endpoint that stores the choice in a cookie and returns to the page.</summary>
    public static string SwitchUrl(string culture, string returnUrl) =>
        $"culture/set?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(returnUrl)}";

    public static async Task ApplyFromDocumentAsync(IServiceProvider services)
    {
        var js = services.GetRequiredService<IJSRuntime>();
        var lang = await js.InvokeAsync<string?>("passPortal.documentLanguage");
        var culture = CultureInfo.GetCultureInfo(Supported.Contains(lang) ? lang! : English);
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
    }
}
