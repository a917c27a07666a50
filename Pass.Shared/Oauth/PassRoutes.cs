namespace Pass.Shared.Oauth;

/// <summary>Every route of the API, shared by the server and the WebAssembly pages.</summary>
public static class PassRoutes
{
    public const string OauthBase = "/oauth/v2";
    public const string Token = OauthBase + "/token";
    public const string CheckToken = OauthBase + "/check_token";
    public const string QrCode = OauthBase + "/qrcode";
    public const string QrCodeStatus = OauthBase + "/qrcode/status";

    /// <summary>SPEC §2.5: sends an SMS code.</summary>
    public const string SmsCode = OauthBase + "/code";
    public const string Revoke = OauthBase + "/revoke";
    public const string Introspect = OauthBase + "/introspect";
    public const string Authorize = OauthBase + "/authorize";
    public const string UserInfo = OauthBase + "/userinfo";

    /// <summary>The seed's users interface (用户): a subsystem allowed <c>users:read</c> looks a person up.</summary>
    public const string User = OauthBase + "/user";

    /// <summary>The seed's messages interface (消息): a subsystem allowed <c>messages</c> tells a person something.</summary>
    public const string Message = OauthBase + "/message";

    /// <summary>OIDC RP-initiated sign-out.</summary>
    public const string EndSession = OauthBase + "/logout";

    /// <summary>The consent page "Sign in with Pass" shows before a person's first sign-in to a client.</summary>
    public const string Consent = "/oauth/consent";

    /// <summary>RFC 8628 device authorization endpoint: where a kiosk asks for a sign-in code.</summary>
    public const string DeviceAuthorization = OauthBase + "/device";
    public const string Metadata = "/.well-known/oauth-authorization-server";

    public const string Api = "/api";
    public const string Users = Api + "/users";
    public const string Clients = Api + "/clients";
    public const string Cards = Api + "/cards";
    public const string Tokens = Api + "/tokens";
    public const string Audit = Api + "/audit";

    /// <summary>The sign-in channels (WeChat, Alipay), for administrators.</summary>
    public const string Channels = Api + "/channels";

    /// <summary>Sign in with a channel: <c>/account/external/{scheme}?returnUrl=</c>; an official account's menu links here.</summary>
    public const string ExternalSignIn = "/account/external";

    /// <summary>Where a channel's sign-in lands once the provider has vouched for the account.</summary>
    public const string ExternalDone = ExternalSignIn + "/done";

    /// <summary>My account's page of linked accounts.</summary>
    public const string LinkedAccounts = "/Account/Manage/ExternalLogins";
    public const string Me = Api + "/me";
    public const string MyNotices = Me + "/notices";
    public const string Antiforgery = Api + "/antiforgery";
    public const string AccountLogin = Api + "/account/login";
    public const string Health = "/health";

    /// <summary>The kiosk's "scan to sign in on this screen" page.</summary>
    public const string KioskSignIn = "/login/qr";

    /// <summary>RFC 8628 verification page the kiosk's QR code opens on a phone.</summary>
    public const string KioskVerify = KioskSignIn + "/verify";

    /// <summary>Where the phone's approve / deny form posts (a second verification endpoint address).</summary>
    public const string KioskDecide = KioskVerify + "/decide";

    public const string KioskEvents = Api + "/kiosk/events";
    public const string KioskSession = Api + "/kiosk/session";
}
