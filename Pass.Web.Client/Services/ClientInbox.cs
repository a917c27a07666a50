using System.Net.Http.Json;
using Pass.Shared.Messages;
using Pass.Shared.Oauth;

namespace Pass.Web.Client.Services;

public sealed class ClientInbox(PortalHttp portal) : IInbox
{
    public async Task<IReadOnlyList<NoticeView>> ListAsync(CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<List<NoticeView>>(PassRoutes.MyNotices, ct) ?? [];

    public async Task<int> UnreadCountAsync(CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<int>(PassRoutes.MyNotices + "/unread", ct);

    public Task<bool> MarkReadAsync(Guid id, CancellationToken ct = default) => SucceedsAsync(HttpMethod.Post, $"{PassRoutes.MyNotices}/{id}/read", ct);

    public Task MarkAllReadAsync(CancellationToken ct = default) => SucceedsAsync(HttpMethod.Post, PassRoutes.MyNotices + "/read-all", ct);

    public async Task<IReadOnlyList<MutedSubsystem>> MutedAsync(CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<List<MutedSubsystem>>(PassRoutes.MyNotices + "/muted", ct) ?? [];

    public Task<bool> SetMutedAsync(string clientId, bool muted, CancellationToken ct = default) =>
        SucceedsAsync(muted ? HttpMethod.Put : HttpMethod.Delete, $"{PassRoutes.MyNotices}/muted/{Uri.EscapeDataString(clientId)}", ct);

    public IAsyncEnumerable<int> WatchUnreadAsync(CancellationToken ct = default) =>
        portal.EventsAsync<int>(PassRoutes.MyNotices + "/events", PassEvents.Unread, ct);

    private async Task<bool> SucceedsAsync(HttpMethod method, string url, CancellationToken ct)
    {
        using var response = await portal.SendAsync(new HttpRequestMessage(method, url), HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode;
    }
}
