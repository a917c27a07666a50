using Pass.Shared.Oauth;

namespace Pass.Web.Tests.Fuzz;

/// <summary>Who the body of an error answer is written for.</summary>
public enum ErrorAudience
{
    /// <summary>RFC 6749 §5.2 JSON: <c>{"error": "..."}</c>.</summary>
    OAuth,

    /// <summary>RFC 9457 ProblemDetails.</summary>
    Api,

    /// <summary>A browser visits it (authorize, sign-out): a page or a redirect, never a 5xx or a stack trace.</summary>
    Browser,
}

/// <summary>One endpoint the generated requests aim at: its route template and the methods it answers.</summary>
public sealed record FuzzTarget(string Template, ErrorAudience Audience, params string[] Methods)
{
    /// <summary>
    /// Every /oauth, /.well-known and /api endpoint, and the channels' browser endpoints. <see cref="GeneratedBadInputTests"/> checks this list against the
    /// app's own route table, so a new endpoint cannot go unfuzzed.
    /// </summary>
    public static readonly IReadOnlyList<FuzzTarget> All =
    [
        // The seed's contract and standard OAuth (OpenIddict serves revoke, introspect, device and the metadata).
        new(PassRoutes.Token, ErrorAudience.OAuth, "POST"),
        new(PassRoutes.CheckToken, ErrorAudience.OAuth, "GET", "POST"),
        new(PassRoutes.QrCode, ErrorAudience.OAuth, "POST"),
        new(PassRoutes.QrCodeStatus, ErrorAudience.OAuth, "GET"),
        new(PassRoutes.SmsCode, ErrorAudience.OAuth, "GET"),
        new(PassRoutes.User, ErrorAudience.OAuth, "GET"),
        new(PassRoutes.Message, ErrorAudience.OAuth, "POST"),
        new(PassRoutes.Revoke, ErrorAudience.OAuth, "POST"),
        new(PassRoutes.Introspect, ErrorAudience.OAuth, "POST"),
        new(PassRoutes.DeviceAuthorization, ErrorAudience.OAuth, "POST"),
        new(PassRoutes.UserInfo, ErrorAudience.OAuth, "GET", "POST"),
        new(PassRoutes.Authorize, ErrorAudience.Browser, "GET", "POST"),
        new(PassRoutes.EndSession, ErrorAudience.Browser, "GET", "POST"),
        new(PassRoutes.ExternalSignIn + "/{scheme}", ErrorAudience.Browser, "GET"),
        new(PassRoutes.ExternalDone, ErrorAudience.Browser, "GET"),
        new(PassRoutes.LinkedAccounts + "/link", ErrorAudience.Browser, "POST"),
        new(PassRoutes.Metadata, ErrorAudience.OAuth, "GET"),
        new("/.well-known/openid-configuration", ErrorAudience.OAuth, "GET"),
        new("/.well-known/jwks", ErrorAudience.OAuth, "GET"),

        // The portal's API.
        new(PassRoutes.Antiforgery, ErrorAudience.Api, "GET"),
        new(PassRoutes.Api + "/account/login", ErrorAudience.Api, "POST"),
        new(PassRoutes.Api + "/account/logout", ErrorAudience.Api, "POST"),
        new(PassRoutes.Me, ErrorAudience.Api, "GET"),
        new(PassRoutes.Me + "/tokens", ErrorAudience.Api, "GET"),
        new(PassRoutes.Me + "/tokens/{id}", ErrorAudience.Api, "DELETE"),
        new(PassRoutes.Me + "/tokens/revoke-all", ErrorAudience.Api, "POST"),
        new(PassRoutes.Me + "/cards", ErrorAudience.Api, "GET"),
        new(PassRoutes.Me + "/cards/{id:guid}/report-lost", ErrorAudience.Api, "POST"),
        new(PassRoutes.Me + "/qr", ErrorAudience.Api, "POST"),
        new(PassRoutes.Me + "/qr/{session}", ErrorAudience.Api, "GET"),
        new(PassRoutes.Me + "/qr/{session}/events", ErrorAudience.Api, "GET"),
        new(PassRoutes.MyNotices, ErrorAudience.Api, "GET"),
        new(PassRoutes.MyNotices + "/unread", ErrorAudience.Api, "GET"),
        new(PassRoutes.MyNotices + "/{id:guid}/read", ErrorAudience.Api, "POST"),
        new(PassRoutes.MyNotices + "/read-all", ErrorAudience.Api, "POST"),
        new(PassRoutes.MyNotices + "/muted", ErrorAudience.Api, "GET"),
        new(PassRoutes.MyNotices + "/muted/{clientId}", ErrorAudience.Api, "PUT", "DELETE"),
        new(PassRoutes.MyNotices + "/events", ErrorAudience.Api, "GET"),
        new(PassRoutes.Users, ErrorAudience.Api, "GET", "POST"),
        new(PassRoutes.Users + "/{id}", ErrorAudience.Api, "GET", "PUT", "DELETE"),
        new(PassRoutes.Users + "/{id}/lock", ErrorAudience.Api, "POST"),
        new(PassRoutes.Users + "/{id}/unlock", ErrorAudience.Api, "POST"),
        new(PassRoutes.Users + "/{id}/roles", ErrorAudience.Api, "PUT"),
        new(PassRoutes.Users + "/{id}/phone", ErrorAudience.Api, "PUT"),
        new(PassRoutes.Users + "/{id}/reset-password", ErrorAudience.Api, "POST"),
        new(PassRoutes.Clients, ErrorAudience.Api, "GET", "POST"),
        new(PassRoutes.Clients + "/{clientId}", ErrorAudience.Api, "GET", "PUT"),
        new(PassRoutes.Clients + "/{clientId}/secret", ErrorAudience.Api, "POST"),
        new(PassRoutes.Clients + "/{clientId}/disable", ErrorAudience.Api, "POST"),
        new(PassRoutes.Clients + "/{clientId}/enable", ErrorAudience.Api, "POST"),
        new(PassRoutes.Cards, ErrorAudience.Api, "GET", "POST"),
        new(PassRoutes.Cards + "/history", ErrorAudience.Api, "GET"),
        new(PassRoutes.Cards + "/{id:guid}/unbind", ErrorAudience.Api, "POST"),
        new(PassRoutes.Cards + "/{id:guid}/report-lost", ErrorAudience.Api, "POST"),
        new(PassRoutes.Cards + "/{id:guid}/replace", ErrorAudience.Api, "POST"),
        new(PassRoutes.Tokens, ErrorAudience.Api, "GET"),
        new(PassRoutes.Tokens + "/{id}", ErrorAudience.Api, "DELETE"),
        new(PassRoutes.Tokens + "/users/{userId}/revoke", ErrorAudience.Api, "POST"),
        new(PassRoutes.Tokens + "/clients/{clientId}/revoke", ErrorAudience.Api, "POST"),
        new(PassRoutes.Audit, ErrorAudience.Api, "GET"),
        new(PassRoutes.Api + "/qr-board", ErrorAudience.Api, "GET"),
        new(PassRoutes.Api + "/qr-board/events", ErrorAudience.Api, "GET"),
        new(PassRoutes.Api + "/qr-board/counts", ErrorAudience.Api, "GET"),
        new(PassRoutes.Api + "/sms/outbox", ErrorAudience.Api, "GET"),
        new(PassRoutes.Channels, ErrorAudience.Api, "GET"),
        new(PassRoutes.Channels + "/{kind}", ErrorAudience.Api, "PUT"),
        new(PassRoutes.Channels + "/{kind}/key-pair", ErrorAudience.Api, "POST"),
        new(PassRoutes.KioskEvents, ErrorAudience.Api, "POST"),
        new(PassRoutes.KioskSession, ErrorAudience.Api, "POST"),
    ];

    /// <summary>OpenIddict answers these itself, ahead of routing, so they are not in the route table.</summary>
    public static readonly IReadOnlySet<string> ServedByOpenIddict = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        PassRoutes.Revoke, PassRoutes.Introspect, PassRoutes.DeviceAuthorization, PassRoutes.Metadata,
        "/.well-known/openid-configuration", "/.well-known/jwks",
    };

    public override string ToString() => $"{string.Join(',', Methods)} {Template}";
}
