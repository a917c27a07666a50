using System.Text.Json.Serialization;

namespace Pass.Shared.QrLogin;

public sealed record QrStatusResponse([property: JsonPropertyName("code")] QrSessionStatus Code);
