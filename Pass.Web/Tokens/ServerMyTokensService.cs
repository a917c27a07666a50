using Pass.Shared;
using Pass.Shared.Tokens;
using Pass.Web.Infrastructure;

namespace Pass.Web.Tokens;

/// <summary><see cref="IMyTokensService"/> on the server: prerendering and the <c>/api/me/tokens</c> endpoints.</summary>
public sealed class ServerMyTokensService(TokenAdministration tokens, IHttpContextAccessor http) : IMyTokensService
{
    private string UserId => (http.HttpContext?.User ?? throw new InvalidOperationException("No signed-in person.")).UserId();

    public Task<PagedResult<TokenView>> ListAsync(int page, CancellationToken ct = default) =>
        tokens.ListAsync(new TokenQuery(UserId, Page: page), ct);

    public Task<bool> RevokeAsync(string tokenId, CancellationToken ct = default) => tokens.RevokeAsync(tokenId, UserId, ct);

    public Task<long> RevokeAllAsync(CancellationToken ct = default) => tokens.RevokeAllOfUserAsync(UserId, ct);
}
