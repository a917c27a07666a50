using System.Collections.Concurrent;

namespace Pass.Web.Oauth;

/// <summary>
/// "Revoked since" marks for check_token's memory. Every revocation, after it is written to the database,
/// stamps the person, client or authorization it touched with a fresh number from one sequence. A cached
/// token read from the database at sequence S is trusted only while none of its owners carries a mark above
/// S; otherwise check_token reads the database again. A single token's revocation (RFC 7009) marks only that
/// token, so its person's or client's other tokens stay in memory. A mark is never lower than a read that could have
/// missed the revocation, so the very next check after a revocation sees it.
/// </summary>
public sealed class RevocationEpochs
{
    private readonly ConcurrentDictionary<string, long> _subjects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _applications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _authorizations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Mark, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Read before a database load; the load is trusted as of this number.</summary>
    public long Sequence => Volatile.Read(ref _sequence);

    public void MarkSubject(string subject) => Mark(_subjects, subject);

    public void MarkApplication(string applicationId) => Mark(_applications, applicationId);

    public void MarkAuthorization(string authorizationId) => Mark(_authorizations, authorizationId);

    /// <summary>One token revoked; the mark is kept until the token would have expired anyway.</summary>
    public void MarkToken(string tokenId, DateTimeOffset until)
    {
        var stamp = Interlocked.Increment(ref _sequence);
        _tokens.AddOrUpdate(tokenId, (stamp, until), (_, old) => (Math.Max(old.Mark, stamp), until > old.Until ? until : old.Until));
    }

    public bool IsCurrent(string? subject, string? applicationId, string? authorizationId, string tokenId, long loadedAt) =>
        Below(_subjects, subject, loadedAt) && Below(_applications, applicationId, loadedAt) && Below(_authorizations, authorizationId, loadedAt)
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

    private void Mark(ConcurrentDictionary<string, long> marks, string key)
    {
        var stamp = Interlocked.Increment(ref _sequence);
        marks.AddOrUpdate(key, stamp, (_, old) => Math.Max(old, stamp));
    }
}
