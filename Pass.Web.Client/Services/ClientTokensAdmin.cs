using System.Net.Http.Json;
using Pass.Shared;
using Pass.Shared.Oauth;
using Pass.Shared.Tokens;

namespace Pass.Web.Client.Services;

/// <summary>Token administration in the browser, over the management API.</summary>
public sealed class ClientTokensAdmin(PortalHttp portal) : ITokensAdmin
{
    public async Task<PagedResult<TokenView>> SearchAsync(TokenQuery query, CancellationToken ct = default) =>
        (await portal.Http.GetFromJsonAsync<PagedResult<TokenView>>(
            $"{PassRoutes.Tokens}?userId={Uri.EscapeDataString(query.UserId ?? "")}&clientId={Uri.EscapeDataString(query.ClientId ?? "")}&activeOnly={query.ActiveOnly}&page={query.Page}&pageSize={query.PageSize}", ct))!;

    public async Task<bool> RevokeAsync(string tokenId, CancellationToken ct = default)
    {
        using var response = await portal.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{PassRoutes.Tokens}/{Uri.EscapeDataString(tokenId)}"),
            HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode;
    }

    public async Task<long> RevokeAllOfPersonAsync(string userId, CancellationToken ct = default) =>
        (await portal.SendAsync<RevokeResult>(HttpMethod.Post, $"{PassRoutes.Tokens}/users/{Uri.EscapeDataString(userId)}/revoke", null, ct)).Value?.Revoked ?? 0;

    public async Task<long?> RevokeAllOfClientAsync(string clientId, CancellationToken ct = default) =>
        (await portal.SendAsync<RevokeResult>(HttpMethod.Post, $"{PassRoutes.Tokens}/clients/{Uri.EscapeDataString(clientId)}/revoke", null, ct)).Value?.Revoked;
}
