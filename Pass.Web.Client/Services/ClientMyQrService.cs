using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Components.WebAssembly.Http;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;

namespace Pass.Web.Client.Services;

/// <summary><see cref="IMyQrService"/> in the browser, over the portal API and its server-sent events.</summary>
public sealed class ClientMyQrService(PortalHttp portal) : IMyQrService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<PortalQrCode> CreateAsync(CancellationToken ct = default) =>
        portal.PostAsync<PortalQrCode>(PassRoutes.Me + "/qr", ct);

    public Task<QrSessionView?> GetAsync(string session, CancellationToken ct = default) =>
        portal.GetOrDefaultAsync<QrSessionView>($"{PassRoutes.Me}/qr/{Uri.EscapeDataString(session)}", ct);

    public async IAsyncEnumerable<QrSessionView> WatchAsync(string session, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{PassRoutes.Me}/qr/{Uri.EscapeDataString(session)}/events");
        request.SetBrowserResponseStreamingEnabled(true);
        using var response = await portal.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(ct))
        {
            if (JsonSerializer.Deserialize<QrSessionView>(item.Data, Json) is { } view)
            {
                yield return view;
            }
        }
    }
}
