using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;

namespace Pass.Web.Client.Services;

/// <summary><see cref="IMyQrService"/> in the browser, over the portal API and its server-sent events.</summary>
public sealed class ClientMyQrService(PortalHttp portal) : IMyQrService
{
    public Task<PortalQrCode> CreateAsync(CancellationToken ct = default) =>
        portal.PostAsync<PortalQrCode>(PassRoutes.Me + "/qr", ct);

    public Task<QrSessionView?> GetAsync(string session, CancellationToken ct = default) =>
        portal.GetOrDefaultAsync<QrSessionView>($"{PassRoutes.Me}/qr/{Uri.EscapeDataString(session)}", ct);

    public IAsyncEnumerable<QrSessionView> WatchAsync(string session, CancellationToken ct) =>
        portal.EventsAsync<QrSessionView>($"{PassRoutes.Me}/qr/{Uri.EscapeDataString(session)}/events", PassEvents.Status, ct);
}
