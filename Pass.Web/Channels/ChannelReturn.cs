using Microsoft.AspNetCore.Authentication;
using Pass.Shared.Oauth;

namespace Pass.Web.Channels;

/// <summary>
/// Where a channel's sign-in that did not end well goes: a sign-in back to the sign-in page, a link started on My account
/// back to the linked accounts page; both say why (the page shows it in the person's language).
/// </summary>
public static class ChannelReturn
{
    public const string Failed = "failed";
    public const string Denied = "denied";
    public const string Unavailable = "unavailable";
    public const string Expired = "expired";

    /// <summary>Identity's property naming the person who started a link.</summary>
    public const string LinkFor = "XsrfId";

    public static bool IsLink(AuthenticationProperties? properties) => properties?.Items.ContainsKey(LinkFor) == true;

    public static string Address(HttpContext http, string reason, AuthenticationProperties? properties) =>
        http.Request.PathBase + (IsLink(properties) ? PassRoutes.LinkedAccounts + "?result=" : "/Account/Login?channel=") + reason;
}
