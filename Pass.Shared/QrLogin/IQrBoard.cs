namespace Pass.Shared.QrLogin;

/// <summary>The live QR board: recent sessions, then every change as it happens.</summary>
public interface IQrBoard
{
    Task<IReadOnlyList<QrBoardEntry>> RecentAsync(int count, CancellationToken ct = default);

    IAsyncEnumerable<QrBoardEntry> WatchAsync(CancellationToken ct);

    Task<DashboardCounts> CountsAsync(CancellationToken ct = default);
}
