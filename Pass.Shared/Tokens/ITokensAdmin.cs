namespace Pass.Shared.Tokens;

/// <summary>The administrators' token search and revocation.</summary>
public interface ITokensAdmin
{
    Task<PagedResult<TokenView>> SearchAsync(TokenQuery query, CancellationToken ct = default);

    Task<bool> RevokeAsync(string tokenId, CancellationToken ct = default);

    Task<long> RevokeAllOfPersonAsync(string userId, CancellationToken ct = default);

    Task<long?> RevokeAllOfClientAsync(string clientId, CancellationToken ct = default);
}
