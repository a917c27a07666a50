using System.Text.Json.Serialization;
using Pass.Shared.QrLogin;

namespace Pass.Shared.Oauth;

/// <summary>The body of a 200 from check_token: what a subsystem needs to act on the token.</summary>
public sealed record CheckTokenResponse(
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("sub")] string Sub,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("exp")] long Exp);

public sealed record QrCodeRequest([property: JsonPropertyName("session")] string? Session);

public sealed record QrCodeResponse(
    [property: JsonPropertyName("auth_code")] string AuthCode,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public sealed record QrStatusResponse([property: JsonPropertyName("code")] QrSessionStatus Code);

/// <summary>A QR session as its creator sees it in the portal.</summary>
public sealed record QrSessionView(
    string Session,
    QrSessionStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? RedeemedByClientId,
    string? RedeemedByClientName,
    DateTimeOffset? RedeemedAt);

/// <summary>A freshly issued QR code for the portal: the code to render and when it stops working.</summary>
public sealed record PortalQrCode(string Session, string AuthCode, int ExpiresIn, DateTimeOffset ExpiresAt);
