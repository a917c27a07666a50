using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pass.Web.Data;

/// <summary>
/// Per-connection SQLite settings. WAL is set once on the file at start (it persists); synchronous=NORMAL
/// under WAL survives a killed process without losing a committed write (a power cut may lose the last few),
/// FULL (<c>Pass:Durability</c>) survives a power cut as well.
/// The settings belong to the native connection, which the pool keeps open across EF's opens and closes, so they
/// are sent once per native connection, not on every open (that was one extra command per request).
/// </summary>
internal sealed class SqlitePragmas(Microsoft.Extensions.Options.IOptions<StorageOptions> options) : DbConnectionInterceptor
{
    private readonly string _pragmas =
        $"PRAGMA synchronous={(options.Value.Durability == Durability.Full ? "FULL" : "NORMAL")}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    private static readonly ConditionalWeakTable<object, object> Prepared = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // EF opens read-only connections to probe for the file; a PRAGMA there fails.
    private static bool NeedsPragmas(DbConnection connection)
    {
        if (connection.ConnectionString.Contains("ReadOnly", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (connection is not SqliteConnection { Handle: { } handle })
        {
            return true;
        }

        return Prepared.TryAdd(handle, handle);
    }
}
