namespace Pass.Shared.QrLogin;

/// <summary>A freshly issued QR code for the portal: the code to render and when it stops working.</summary>
public sealed record PortalQrCode(string Session, string AuthCode, int ExpiresIn, DateTimeOffset ExpiresAt);
