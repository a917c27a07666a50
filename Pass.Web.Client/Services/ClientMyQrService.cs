using System.Net.Http.Json;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;

namespace Pass.Web.Client.Services;

/// <summary><see cref="IMyQrService"/> in the browser, over the portal API and its server-sent events.</summary>
public sealed class ClientMyQrService(PortalHttp portal) : IMyQrService
{
    public async Task<PortalQrCode> CreateAsync(CancellationToken ct = default)
    {
        using var response = await portal.SendAsync(new HttpRequestMessage(HttpMethod.Post, PassRoutes.Me + "/qr"), HttpCompletionOption.ResponseContentRead, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            throw new QrLimitReachedException(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMinutes(1));
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PortalQrCode>(ct))!;
    }

    public Task<QrSessionView?> GetAsync(string session, CancellationToken ct = default) =>
        portal.GetOrDefaultAsync<QrSessionView>($"{PassRoutes.Me}/qr/{Uri.EscapeDataString(session)}", ct);

    public IAsyncEnumerable<QrSessionView> WatchAsync(string session, CancellationToken ct) =>
        portal.EventsAsync<QrSessionView>($"{PassRoutes.Me}/qr/{Uri.EscapeDataString(session)}/events", PassEvents.Status, ct);
}
