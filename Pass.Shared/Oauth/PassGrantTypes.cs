namespace Pass.Shared.Oauth;

/// <summary>Grant types Pass serves beyond RFC 6749's own.</summary>
public static class PassGrantTypes
{
    /// <summary>A card read by a terminal, parameter <see cref="PassParameters.CardNumber"/>.</summary>
    public const string Card = "urn:pass:grant-type:card";

    /// <summary>A QR login code, parameter <c>code</c>; the seed sends it as <c>authorization_code</c> without PKCE.</summary>
    public const string Qr = "urn:pass:grant-type:qr";

    /// <summary>An SMS code, parameter <c>code</c> = <c>&lt;phone&gt;.&lt;digits&gt;</c>; the seed sends it as <c>authorization_code</c>.</summary>
    public const string Sms = "urn:pass:grant-type:sms";

    public const string ClientCredentials = "client_credentials";
    public const string RefreshToken = "refresh_token";
    public const string Password = "password";
    public const string AuthorizationCode = "authorization_code";

    /// <summary>RFC 8628: the kiosk redeems its approved device code. Only Pass's own kiosk client has it.</summary>
    public const string DeviceCode = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>Every grant an administrator may allow a client.</summary>
    public static readonly IReadOnlyList<string> All = [ClientCredentials, Card, Qr, Sms, AuthorizationCode, Password, RefreshToken];
}
