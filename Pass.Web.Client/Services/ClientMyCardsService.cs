using System.Net.Http.Json;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;

namespace Pass.Web.Client.Services;

public sealed class ClientMyCardsService(PortalHttp portal) : IMyCardsService
{
    public async Task<IReadOnlyList<CardBindingView>> ListAsync(CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<List<CardBindingView>>(PassRoutes.Me + "/cards", ct) ?? [];

    public async Task<bool> ReportLostAsync(Guid bindingId, CancellationToken ct = default)
    {
        using var response = await portal.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{PassRoutes.Me}/cards/{bindingId}/report-lost"),
            HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode;
    }
}
