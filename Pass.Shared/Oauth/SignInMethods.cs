namespace Pass.Shared.Oauth;

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
