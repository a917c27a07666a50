using System.Text.Json.Serialization;

namespace Pass.Shared.QrLogin;

/// <summary>Counts for the administrators' dashboard.</summary>
public sealed record DashboardCounts(
    [property: JsonPropertyName("people")] int People,
    [property: JsonPropertyName("clients")] int Clients,
    [property: JsonPropertyName("liveTokens")] int LiveTokens,
    [property: JsonPropertyName("activeCards")] int ActiveCards,
    [property: JsonPropertyName("qrToday")] int QrSessionsToday,
    [property: JsonPropertyName("qrUsedToday")] int QrUsedToday);
