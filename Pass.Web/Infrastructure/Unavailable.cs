using System.Data.Common;

using Pass.Web.Infrastructure.Cluster;

namespace Pass.Web.Infrastructure;

/// <summary>
/// An engine Pass needs is briefly out of reach (the database restarting, the cluster bus down while a revocation
/// waits for it): the request gets 503 with Retry-After, never a 500, and succeeds again once the engine is back.
/// </summary>
public static class Unavailable
{
    public const string RetryAfterSeconds = "5";

    public static bool IsOutage(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } or ClusterUnavailableException or StackExchange.Redis.RedisConnectionException)
            {
                return true;
            }
        }

        return false;
    }
}
