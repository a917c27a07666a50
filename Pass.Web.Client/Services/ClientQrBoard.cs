using System.Net.Http.Json;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;

namespace Pass.Web.Client.Services;

/// <summary><see cref="IQrBoard"/> in the browser, over the board API and its server-sent events.</summary>
public sealed class ClientQrBoard(PortalHttp portal) : IQrBoard
{
    private const string Board = PassRoutes.Api + "/qr-board";

    public async Task<IReadOnlyList<QrBoardEntry>> RecentAsync(int count, CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<List<QrBoardEntry>>($"{Board}?count={count}", ct) ?? [];

    public async Task<DashboardCounts> CountsAsync(CancellationToken ct = default) =>
        (await portal.Http.GetFromJsonAsync<DashboardCounts>($"{Board}/counts", ct))!;

    public IAsyncEnumerable<QrBoardEntry> WatchAsync(CancellationToken ct) => portal.EventsAsync<QrBoardEntry>($"{Board}/events", PassEvents.Session, ct);
}
