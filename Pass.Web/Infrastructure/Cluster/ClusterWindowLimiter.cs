using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Pass.Web.Infrastructure.Cluster;

/// <summary>
/// A fixed window counted in Redis, so one limit holds across every node (a script increments the window's counter and
/// sets its expiry in one step). While the node cannot use Redis it counts by itself instead, against its share of the
/// limit (the limit divided by the live nodes), so an outage never lifts a limit.
/// </summary>
internal sealed class ClusterWindowLimiter(
    IConnectionMultiplexer redis, string key, int limit, TimeSpan window, RateLimiter fallback, IClusterBus bus, TimeProvider time) : RateLimiter
{
    private const string CountScript = "local n = redis.call('INCRBY', KEYS[1], ARGV[1]) if n == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return n";

    private long _lastUsed = time.GetTimestamp();

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Volatile.Read(ref _lastUsed)) is var idle && idle > window ? idle : null;

    public override RateLimiterStatistics? GetStatistics() => fallback.GetStatistics();

    /// <summary>Not answerable without a round trip: the request then waits for <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        bus.IsCurrent ? WindowLease.Refused(TimeSpan.Zero) : fallback.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastUsed, time.GetTimestamp());
        if (!bus.IsCurrent)
        {
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)window.TotalMilliseconds;
        var index = now / windowMs;
        try
        {
            var count = (long)await redis.GetDatabase().ScriptEvaluateAsync(CountScript, [$"{key}:{index}"], [permitCount, windowMs * 2]);
            return count <= limit ? WindowLease.Granted : WindowLease.Refused(TimeSpan.FromMilliseconds(((index + 1) * windowMs) - now));
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static WindowLease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
