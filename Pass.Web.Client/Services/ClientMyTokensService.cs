using System.Net.Http.Json;
using Pass.Shared;
using Pass.Shared.Oauth;
using Pass.Shared.Tokens;

namespace Pass.Web.Client.Services;

public sealed class ClientMyTokensService(PortalHttp portal) : IMyTokensService
{
    public async Task<PagedResult<TokenView>> ListAsync(int page, CancellationToken ct = default) =>
        (await portal.Http.GetFromJsonAsync<PagedResult<TokenView>>($"{PassRoutes.Me}/tokens?page={page}", ct))!;

    public async Task<bool> RevokeAsync(string tokenId, CancellationToken ct = default)
    {
        using var response = await portal.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{PassRoutes.Me}/tokens/{Uri.EscapeDataString(tokenId)}"),
            HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode;
    }

    public async Task<long> RevokeAllAsync(CancellationToken ct = default) =>
        (await portal.PostAsync<RevokeResult>(PassRoutes.Me + "/tokens/revoke-all", ct)).Revoked;
}
