using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure.Cluster;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Oauth;

/// <summary>
/// check_token's engine. A live access token is answered from memory (SHA-256 of the token → what it is); the database
/// is read once per token, and again only after a revocation touched its person, client or authorization
/// (<see cref="RevocationEpochs"/>). OpenIddict's stores stay the one source of truth.
/// The unhappy path is as cheap: a token whose tag does not verify is refused unread (<see cref="TokenTag"/>), and a
/// token found dead is remembered as dead (<see cref="DeadTokens"/>).
/// A cluster node that cannot show it has heard every revocation (<see cref="IClusterBus.IsCurrent"/>) neither answers
/// live tokens from memory nor fills that memory: it reads the database for each check until it is current again.
/// </summary>
public sealed class TokenChecker(
    IServiceScopeFactory scopes,
    RevocationEpochs epochs,
    DeadTokens dead,
    TokenTag tags,
    IClusterBus bus,
    TimeProvider time,
    IOptions<TokenOptions> options)
{
    private readonly ConcurrentDictionary<TokenHash, CheckedToken> _live = new();
    private readonly int _capacity = options.Value.CheckCacheCapacity;

    /// <summary>What memory alone says of a token.</summary>
    public enum Verdict
    {
        /// <summary>Live: the entry is the answer.</summary>
        Live,

        /// <summary>Dead for good: refused without a query.</summary>
        Dead,

        /// <summary>Memory cannot say: the database must be read.</summary>
        Unknown,
    }

    public int CachedCount => _live.Count;

    public int DeadCount => dead.Count;

    /// <summary>The token if it is a live access token now, else null.</summary>
    public ValueTask<CheckedToken?> CheckAsync(string token, CancellationToken ct = default) =>
        Recall(token, out var key, out var live) switch
        {
            Verdict.Live => ValueTask.FromResult<CheckedToken?>(live),
            Verdict.Dead => ValueTask.FromResult<CheckedToken?>(null),
            _ => LoadAsync(token, key, ct),
        };

    /// <summary>Answers from memory when it can, allocating nothing; <see cref="Verdict.Unknown"/> needs <see cref="LoadAsync"/>.</summary>
    public Verdict Recall(ReadOnlySpan<char> token, out TokenHash key, out CheckedToken? live)
    {
        live = null;
        key = default;
        if (token.IsEmpty || token.Length > TokenHash.MaxTokenLength)
        {
            return Verdict.Dead;
        }

        key = TokenHash.Of(token);
        if (_live.TryGetValue(key, out var known))
        {
            if (time.GetUtcNow() >= known.ExpiresAt)
            {
                _live.TryRemove(key, out _);
                dead.Remember(key);
                return Verdict.Dead;
            }

            if (bus.IsCurrent)
            {
                // Read before the lookups: see RevocationEpochs.Published.
                var published = epochs.Published;
                if (known.VerifiedAt == published
                    || epochs.IsCurrent(known.Subject, known.ApplicationId, known.AuthorizationId, known.TokenId, known.LoadedAt))
                {
                    known.VerifiedAt = published;
                    live = known;
                    return Verdict.Live;
                }
            }

            return Verdict.Unknown;
        }

        return dead.Contains(key) || !tags.MayBeOurs(token) ? Verdict.Dead : Verdict.Unknown;
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

    /// <summary>Reads the token from the database and remembers what it found: live (when current) or dead.</summary>
    public async ValueTask<CheckedToken?> LoadAsync(string token, TokenHash key, CancellationToken ct)
    {
        // Read before the database: a revocation committed after these reads marks above them.
        var loadedAt = epochs.Sequence;
        var published = epochs.Published;
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var entry = await tokens.FindByReferenceIdAsync(token, ct);
        if (entry is null
            || !await tokens.HasTypeAsync(entry, TokenTypeIdentifiers.AccessToken, ct)
            || !await tokens.HasStatusAsync(entry, Statuses.Valid, ct)
            || await tokens.GetExpirationDateAsync(entry, ct) is not { } expires
            || expires <= now)
        {
            return Died(key);
        }

        var authorizationId = await tokens.GetAuthorizationIdAsync(entry, ct);
        if (authorizationId is not null)
        {
            var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
            if (await authorizations.FindByIdAsync(authorizationId, ct) is not { } authorization
                || !await authorizations.HasStatusAsync(authorization, Statuses.Valid, ct))
            {
                return Died(key);
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
            loadedAt,
            published);

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

    // Dead for good (the rules are on DeadTokens), so the next ask costs no query on this node.
    private CheckedToken? Died(TokenHash key)
    {
        _live.TryRemove(key, out _);
        dead.Remember(key);
        return null;
    }
}
