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

public static class PassParameters
{
    public const string CardNumber = "card_number";
    public const string Session = "session";

    /// <summary>Optional on the device authorization request: the kiosk's name, shown to the person who approves.</summary>
    public const string DeviceName = "device_name";

    public const string Phone = "phone";
    public const string Title = "title";
    public const string Abort = "abort";
    public const string PhoneConflict = "phone_conflict";
}

/// <summary>Claims Pass puts in its tokens beyond the standard ones.</summary>
public static class PassClaims
{
    /// <summary>"person" for a person's token, "client" for a terminal's own (client_credentials).</summary>
    public const string Kind = "pass_kind";
    public const string PersonKind = "person";
    public const string ClientKind = "client";
    public const string Grant = "pass_grant";

    /// <summary>On a kiosk's sign-in request: what the device is called, where it asked from.</summary>
    public const string DeviceName = "pass_device_name";
    public const string DeviceAddress = "pass_device_ip";

    /// <summary>On a portal sign-in whose password Pass made (a new person, a reset): "true" until they choose their own.</summary>
    public const string TemporaryPassword = "pass_temporary_password";

    /// <summary>OIDC's session id (Front- and Back-Channel Logout 1.0): one per portal sign-in.</summary>
    public const string SessionId = "sid";
}

/// <summary>
/// How a person proved who they are (OIDC <c>amr</c>, RFC 8176 values where one fits): carried on the portal cookie
/// and into the id_tokens of the sign-ins it serves.
/// </summary>
public static class SignInMethods
{
    public const string Password = "pwd";
    public const string OneTimePassword = "otp";
    public const string Sms = "sms";
    public const string Qr = "qr";
    public const string HardwareKey = "hwk";
    public const string MultiFactor = "mfa";

    /// <summary>The kiosk's "scan to sign in" (the <c>authenticationMethod</c> it signs the cookie in with).</summary>
    public const string KioskQr = "kiosk-qr";
}

/// <summary>Who a token is for (its <c>aud</c>) and what a client may do beyond its grants.</summary>
public static class PassAudiences
{
    /// <summary>Pass's own API (check_token, the QR and SMS endpoints, userinfo): the audience of every access token.</summary>
    public const string Api = "pass";
}

public static class PassPermissions
{
    /// <summary>
    /// A resource server: may introspect (RFC 7662) access tokens issued to other clients. Without it a client
    /// introspects only its own tokens and hears <c>{"active":false}</c> of anyone else's.
    /// </summary>
    public const string IntrospectAny = "pass:introspect_any";
}
