using System.Text.Json.Serialization;

namespace Pass.Shared.Kiosk;

/// <summary>RFC 8628 §3.2: the device authorization endpoint's answer, as the kiosk reads it.</summary>
public sealed record DeviceAuthorizationResponse(
    [property: JsonPropertyName("device_code")] string DeviceCode,
    [property: JsonPropertyName("user_code")] string UserCode,
    [property: JsonPropertyName("verification_uri")] string VerificationUri,
    [property: JsonPropertyName("verification_uri_complete")] string VerificationUriComplete,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("interval")] int? Interval = null);
