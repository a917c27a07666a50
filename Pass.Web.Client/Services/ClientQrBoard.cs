using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Components.WebAssembly.Http;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;

namespace Pass.Web.Client.Services;

public sealed class ClientQrBoard(PortalHttp portal) : IQrBoard
{
    private const string Board = PassRoutes.Api + "/qr-board";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<QrBoardEntry>> RecentAsync(int count, CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<List<QrBoardEntry>>($"{Board}?count={count}", ct) ?? [];

    public async Task<DashboardCounts> CountsAsync(CancellationToken ct = default) =>
        (await portal.Http.GetFromJsonAsync<DashboardCounts>($"{Board}/counts", ct))!;

    public async IAsyncEnumerable<QrBoardEntry> WatchAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Board}/events");
        request.SetBrowserResponseStreamingEnabled(true);
        using var response = await portal.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(ct))
        {
            if (item.EventType == "session" && JsonSerializer.Deserialize<QrBoardEntry>(item.Data, Json) is { } entry)
            {
                yield return entry;
            }
        }
    }
}
