using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Pass.Web.Oauth;

/// <summary>
/// check_token's memory of tokens that are dead for good: never issued, revoked, expired, or not an access token. None
/// of them can come back: a revocation is final, time only moves on, and a hash that is unknown now cannot become a
/// real token later (Pass hands a token out only after its row is written). So a dead token asked again is refused
/// from here, on any node, whether or not the node is current with the cluster's revocations.
/// Bounded by <see cref="TokenOptions.DeadTokenMemory"/>: two generations, the older one dropped whole when the newer
/// is half full; an entry asked for again moves into the newer one. Forgetting only costs a query.
/// </summary>
public sealed class DeadTokens(IOptions<TokenOptions> options)
{
    private readonly int _generation = Math.Max(1, options.Value.DeadTokenMemory / 2);
    private readonly bool _enabled = options.Value.DeadTokenMemory > 0;
    private readonly Lock _turn = new();
    private ConcurrentDictionary<TokenHash, byte> _newer = new();
    private ConcurrentDictionary<TokenHash, byte> _older = new();
    private int _newerCount;

    /// <summary>Entries held now, at most <see cref="TokenOptions.DeadTokenMemory"/>.</summary>
    public int Count => _newer.Count + _older.Count;

    public bool Contains(TokenHash token)
    {
        if (_newer.ContainsKey(token))
        {
            return true;
        }

        if (!_older.ContainsKey(token))
        {
            return false;
        }

        Remember(token);
        return true;
    }

    public void Remember(TokenHash token)
    {
        if (!_enabled)
        {
            return;
        }

        if (_newer.TryAdd(token, 0) && Interlocked.Increment(ref _newerCount) >= _generation)
        {
            Turn();
        }
    }

    private void Turn()
    {
        lock (_turn)
        {
            if (Volatile.Read(ref _newerCount) < _generation)
            {
                return;
            }

            _older = _newer;
            _newer = new ConcurrentDictionary<TokenHash, byte>();
            Volatile.Write(ref _newerCount, 0);
        }
    }
}
