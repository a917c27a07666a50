using System.Collections.Concurrent;
using System.Globalization;
using Pass.Web.Infrastructure.Cluster;

namespace Pass.Web.Oauth;

/// <summary>
/// "Revoked since" marks for check_token's memory. Every revocation, after it is written to the database,
/// stamps the person, client or authorization it touched with a fresh number from one sequence. A cached
/// token read from the database at sequence S is trusted only while none of its owners carries a mark above
/// S; otherwise check_token reads the database again. A single token's revocation (RFC 7009) marks only that
/// token, so its person's or client's other tokens stay in memory. A mark is never lower than a read that could have
/// missed the revocation, so the very next check after a revocation sees it.
/// On a cluster each mark is also broadcast, and returns once every node has applied it (<see cref="IClusterBus"/>);
/// a node that may have missed marks starts again with a floor mark on everything.
/// </summary>
public sealed class RevocationEpochs
{
    private const string Topic = "revocation";
    private readonly ConcurrentDictionary<string, long> _subjects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _applications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _authorizations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Mark, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);
    private readonly IClusterBus _bus;
    private long _sequence;
    private long _floor;
    private long _published;

    public RevocationEpochs(IClusterBus bus)
    {
        _bus = bus;
        bus.Subscribe(Topic, Apply);
        bus.Resumed += MarkEverything;
    }

    /// <summary>Read before a database load; the load is trusted as of this number.</summary>
    public long Sequence => Volatile.Read(ref _sequence);

    /// <summary>
    /// Counts marks once they are in place (after the write, where <see cref="Sequence"/> counts before it). A check that
    /// found a token current, with this read before its lookups, may skip them while it has not moved: no mark has been
    /// put in place since, and a revocation answers only after its mark is in place.
    /// </summary>
    public long Published => Volatile.Read(ref _published);

    public Task MarkSubjectAsync(string subject, CancellationToken ct = default) => MarkAndTell(_subjects, 's', subject, ct);

    public Task MarkApplicationAsync(string applicationId, CancellationToken ct = default) => MarkAndTell(_applications, 'a', applicationId, ct);

    public Task MarkAuthorizationAsync(string authorizationId, CancellationToken ct = default) => MarkAndTell(_authorizations, 'z', authorizationId, ct);

    /// <summary>One token revoked; the mark is kept until the token would have expired anyway.</summary>
    public Task MarkTokenAsync(string tokenId, DateTimeOffset until, CancellationToken ct = default)
    {
        MarkToken(tokenId, until);
        return _bus.BroadcastAsync(Topic, $"t{until.UtcTicks.ToString(CultureInfo.InvariantCulture)} {tokenId}", ct);
    }

    /// <summary>Everything loaded so far is stale: the node may have missed marks (it rejoined the cluster).</summary>
    public void MarkEverything()
    {
        Volatile.Write(ref _floor, Interlocked.Increment(ref _sequence));
        Interlocked.Increment(ref _published);
    }

    public bool IsCurrent(string? subject, string? applicationId, string? authorizationId, string tokenId, long loadedAt) =>
        loadedAt >= Volatile.Read(ref _floor)
        && Below(_subjects, subject, loadedAt) && Below(_applications, applicationId, loadedAt) && Below(_authorizations, authorizationId, loadedAt)
        && (!_tokens.TryGetValue(tokenId, out var token) || token.Mark <= loadedAt);

    /// <summary>Forgets the marks of tokens past their expiry (no check can accept them any more).</summary>
    public void Sweep(DateTimeOffset now)
    {
        foreach (var (id, token) in _tokens)
        {
            if (token.Until < now)
            {
                _tokens.TryRemove(id, out _);
            }
        }
    }

    private static bool Below(ConcurrentDictionary<string, long> marks, string? key, long loadedAt) =>
        key is null || !marks.TryGetValue(key, out var mark) || mark <= loadedAt;

    private void MarkToken(string tokenId, DateTimeOffset until)
    {
        var stamp = Interlocked.Increment(ref _sequence);
        _tokens.AddOrUpdate(tokenId, (stamp, until), (_, old) => (Math.Max(old.Mark, stamp), until > old.Until ? until : old.Until));
        Interlocked.Increment(ref _published);
    }

    private Task MarkAndTell(ConcurrentDictionary<string, long> marks, char kind, string key, CancellationToken ct)
    {
        Mark(marks, key);
        return _bus.BroadcastAsync(Topic, kind + key, ct);
    }

    /// <summary>Another node's mark, applied here before this node acknowledges it.</summary>
    private void Apply(string message)
    {
        var key = message[1..];
        switch (message[0])
        {
            case 's': Mark(_subjects, key); break;
            case 'a': Mark(_applications, key); break;
            case 'z': Mark(_authorizations, key); break;
            case 't':
                var space = key.IndexOf(' ');
                MarkToken(key[(space + 1)..], new DateTimeOffset(long.Parse(key[..space], CultureInfo.InvariantCulture), TimeSpan.Zero));
                break;
            default: MarkEverything(); break;
        }
    }

    private void Mark(ConcurrentDictionary<string, long> marks, string key)
    {
        var stamp = Interlocked.Increment(ref _sequence);
        marks.AddOrUpdate(key, stamp, (_, old) => Math.Max(old, stamp));
        Interlocked.Increment(ref _published);
    }
}
