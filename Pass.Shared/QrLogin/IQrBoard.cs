using System.Text.Json.Serialization;

namespace Pass.Shared.QrLogin;

/// <summary>A QR session on the administrators' live board. <see cref="State"/> is the stored state; expiry is judged by the viewer's clock.</summary>
public sealed record QrBoardEntry(
    string Session,
    string UserId,
    string? UserName,
    QrSessionStatus State,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? RedeemedByClientId,
    string? RedeemedByClientName,
    DateTimeOffset? RedeemedAt)
{
    public QrSessionStatus StatusAt(DateTimeOffset now) =>
        State == QrSessionStatus.Used ? QrSessionStatus.Used : now >= ExpiresAt ? QrSessionStatus.Expired : QrSessionStatus.Unused;
}

/// <summary>Counts for the administrators' dashboard.</summary>
public sealed record DashboardCounts(
    [property: JsonPropertyName("people")] int People,
    [property: JsonPropertyName("clients")] int Clients,
    [property: JsonPropertyName("liveTokens")] int LiveTokens,
    [property: JsonPropertyName("activeCards")] int ActiveCards,
    [property: JsonPropertyName("qrToday")] int QrSessionsToday,
    [property: JsonPropertyName("qrUsedToday")] int QrUsedToday);

/// <summary>The live QR board: recent sessions, then every change as it happens.</summary>
public interface IQrBoard
{
    Task<IReadOnlyList<QrBoardEntry>> RecentAsync(int count, CancellationToken ct = default);

    IAsyncEnumerable<QrBoardEntry> WatchAsync(CancellationToken ct);

    Task<DashboardCounts> CountsAsync(CancellationToken ct = default);
}
