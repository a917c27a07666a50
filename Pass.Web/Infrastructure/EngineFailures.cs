using System.Data.Common;
using Pass.Web.Infrastructure.Cluster;

namespace Pass.Web.Infrastructure;

/// <summary>
/// What the engines under Pass fail with, as HTTP. An engine briefly out of reach (the database restarting, the cluster
/// bus down while a revocation waits for it): 503 with Retry-After, never a 500, and success again once it is back.
/// </summary>
public static class EngineFailures
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

    /// <summary>
    /// The database refused a value the request carried (PostgreSQL's class 22, "data exception": a NUL character in a
    /// text, a number out of range): the request is at fault, so it gets 400, not 500.
    /// </summary>
    public static bool IsRefusedValue(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is Npgsql.PostgresException { SqlState: [ '2', '2', .. ] })
            {
                return true;
            }
        }

        return false;
    }
}
