namespace Pass.Shared.Oauth;

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
