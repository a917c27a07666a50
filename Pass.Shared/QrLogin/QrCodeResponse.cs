using System.Text.Json.Serialization;

namespace Pass.Shared.QrLogin;

public sealed record QrCodeResponse(
    [property: JsonPropertyName("auth_code")] string AuthCode,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
