using System.Text.Json.Serialization;

namespace Pass.Shared.QrLogin;

public sealed record QrCodeRequest([property: JsonPropertyName("session")] string? Session);
