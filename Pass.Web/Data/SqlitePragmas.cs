using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pass.Web.Data;

/// <summary>
/// Per-connection SQLite settings. WAL is set once on the file at start (it persists); synchronous=NORMAL
/// under WAL survives a killed process without losing a committed write (a power cut may lose the last few).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsWritable(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsWritable(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // EF opens read-only connections to probe for the file; a PRAGMA there fails.
    private static bool IsWritable(DbConnection connection) =>
        !connection.ConnectionString.Contains("ReadOnly", StringComparison.OrdinalIgnoreCase);
}
