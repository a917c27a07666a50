using Microsoft.Extensions.Localization;
using Pass.Web.Client.Resources;

namespace Pass.Web.Components.Account;

/// <summary>
/// What the passkey script reports (PasskeySubmit.razor.js sends codes for the refusals it knows) and what the
/// server refuses, in the viewer's language; a browser's own message that has no code is shown as it came.
/// </summary>
public static class PasskeyErrors
{
    public static string Describe(IStringLocalizer<PortalText> text, string reported) => reported switch
    {
        "passkey:none" => text["Passkey_NotGiven"],
        "passkey:domain" => text["Passkey_Domain"],
        _ => string.Format(text["Passkey_BrowserSaid"], reported),
    };
}
