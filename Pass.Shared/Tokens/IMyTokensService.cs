namespace Pass.Shared.Tokens;

/// <summary>The signed-in person's live tokens, by subsystem and grant; never their values.</summary>
public interface IMyTokensService
{
    Task<PagedResult<TokenView>> ListAsync(int page, CancellationToken ct = default);

    Task<bool> RevokeAsync(string tokenId, CancellationToken ct = default);

    Task<long> RevokeAllAsync(CancellationToken ct = default);
}
