using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;
using Pass.Web.Infrastructure.Cluster;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Oauth;

/// <summary>
/// check_token's engine: a live access token is answered from memory (SHA-256 of the token → what it is);
/// the database is read once per token, and again only after a revocation touched its person, client or
/// authorization (<see cref="RevocationEpochs"/>). OpenIddict's stores stay the one source of truth.
/// A cluster node that cannot show it has heard every revocation (<see cref="IClusterBus.IsCurrent"/>) neither answers
/// from memory nor fills it: it reads the database for each check until it is current again.
/// </summary>
public sealed class TokenChecker(
    IServiceScopeFactory scopes,
    RevocationEpochs epochs,
    IClusterBus bus,
    TimeProvider time,
    IOptions<TokenOptions> options)
{
    private readonly ConcurrentDictionary<string, CheckedToken> _live = new(StringComparer.Ordinal);
    private readonly int _capacity = options.Value.CheckCacheCapacity;

    public int CachedCount => _live.Count;

    /// <summary>The token if it is a live access token now, else null.</summary>
    public async ValueTask<CheckedToken?> CheckAsync(string token, CancellationToken ct = default)
    {
        if (token.Length is 0 or > 512)
        {
            return null;
        }

        var key = Secrets.Hash(token);
        var now = time.GetUtcNow();
        if (_live.TryGetValue(key, out var known))
        {
            if (now >= known.ExpiresAt)
            {
                _live.TryRemove(key, out _);
                return null;
            }

            if (bus.IsCurrent && epochs.IsCurrent(known.Subject, known.ApplicationId, known.AuthorizationId, known.TokenId, known.LoadedAt))
            {
                return known;
            }
        }

        return await LoadAsync(token, key, now, ct);
    }

    /// <summary>Drops expired entries; called by the pruning job.</summary>
    public void Sweep()
    {
        var now = time.GetUtcNow();
        epochs.Sweep(now);
        foreach (var (key, entry) in _live)
        {
            if (now >= entry.ExpiresAt)
            {
                _live.TryRemove(key, out _);
            }
        }
    }

    private async ValueTask<CheckedToken?> LoadAsync(string token, string key, DateTimeOffset now, CancellationToken ct)
    {
        // Read the sequence before the database: a revocation committed after this read marks above it.
        var loadedAt = epochs.Sequence;
        await using var scope = scopes.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var entry = await tokens.FindByReferenceIdAsync(token, ct);
        if (entry is null
            || !await tokens.HasTypeAsync(entry, TokenTypeIdentifiers.AccessToken, ct)
            || !await tokens.HasStatusAsync(entry, Statuses.Valid, ct)
            || await tokens.GetExpirationDateAsync(entry, ct) is not { } expires
            || expires <= now)
        {
            _live.TryRemove(key, out _);
            return null;
        }

        var authorizationId = await tokens.GetAuthorizationIdAsync(entry, ct);
        if (authorizationId is not null)
        {
            var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
            if (await authorizations.FindByIdAsync(authorizationId, ct) is not { } authorization
                || !await authorizations.HasStatusAsync(authorization, Statuses.Valid, ct))
            {
                _live.TryRemove(key, out _);
                return null;
            }
        }

        var properties = await tokens.GetPropertiesAsync(entry, ct);
        var subject = await tokens.GetSubjectAsync(entry, ct) ?? "";
        var clientId = PassTokenManager.ReadProperty(properties, PassTokenManager.ClientIdProperty) ?? "";
        var checkedToken = new CheckedToken(
            (await tokens.GetIdAsync(entry, ct))!,
            subject,
            clientId,
            PassTokenManager.ReadProperty(properties, PassTokenManager.ScopeProperty) ?? "",
            PassTokenManager.ReadProperty(properties, PassTokenManager.KindProperty) ?? PassClaims.PersonKind,
            await tokens.GetApplicationIdAsync(entry, ct),
            authorizationId,
            expires,
            loadedAt);

        if (!bus.IsCurrent)
        {
            _live.TryRemove(key, out _);
        }
        else if (_live.Count < _capacity || _live.ContainsKey(key))
        {
            _live[key] = checkedToken;
        }

        return checkedToken;
    }
}
