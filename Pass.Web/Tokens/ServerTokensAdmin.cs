using Pass.Shared;
using Pass.Shared.Tokens;

namespace Pass.Web.Tokens;

/// <summary><see cref="ITokensAdmin"/> on the server, over <see cref="TokenAdministration"/>.</summary>
public sealed class ServerTokensAdmin(TokenAdministration tokens) : ITokensAdmin
{
    public Task<PagedResult<TokenView>> SearchAsync(TokenQuery query, CancellationToken ct = default) => tokens.ListAsync(query, ct);

    public Task<bool> RevokeAsync(string tokenId, CancellationToken ct = default) => tokens.RevokeAsync(tokenId, ownerId: null, ct);

    public Task<long> RevokeAllOfPersonAsync(string userId, CancellationToken ct = default) => tokens.RevokeAllOfUserAsync(userId, ct);

    public Task<long?> RevokeAllOfClientAsync(string clientId, CancellationToken ct = default) => tokens.RevokeAllOfClientAsync(clientId, ct);
}
