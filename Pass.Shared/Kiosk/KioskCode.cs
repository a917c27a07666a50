namespace Pass.Shared.Kiosk;

/// <summary>
/// A kiosk's sign-in request as the device authorization endpoint answered it (RFC 8628 §3.2): the device code
/// stays on the kiosk, the verification address (with the user code) becomes the QR code.
/// </summary>
public sealed record KioskCode(
    string DeviceCode,
    string UserCode,
    string VerificationUri,
    string VerificationUriComplete,
    int ExpiresIn,
    DateTimeOffset ExpiresAt);
