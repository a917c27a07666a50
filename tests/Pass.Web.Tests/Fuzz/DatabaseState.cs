using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Pass.Web.Tests.Fuzz;

/// <summary>
/// Pass's stored state as one fingerprint per table, read on a connection of its own: the SQLite file, or the test
/// host's PostgreSQL database. A refused request may add an audit line and count a failed sign-in toward lockout (both
/// by design); anything else it changes is a bug. Rows are hashed in sorted order, so no engine's row order matters.
/// </summary>
public sealed class DatabaseState : IDisposable
{
    private static readonly HashSet<string> IgnoredTables = ["AuditEvents", "__EFMigrationsHistory", "sqlite_sequence", "DataProtectionKeys"];

    private static readonly HashSet<string> IgnoredColumns =
        ["AspNetUsers.AccessFailedCount", "AspNetUsers.LockoutEnd", "AspNetUsers.ConcurrencyStamp"];

    private readonly DbConnection _connection;
    private long _reads;

    private DatabaseState(DbConnection connection)
    {
        _connection = connection;
        _connection.Open();
    }

    public static DatabaseState OfSqlite(string databasePath) => new(new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False"));

    public static DatabaseState OfPostgres(string connectionString) => new(new NpgsqlConnection(connectionString + ";Pooling=False"));

    /// <summary>
    /// Changes whenever another connection commits: SQLite's <c>PRAGMA data_version</c>, a cheap "did anything happen".
    /// PostgreSQL has no per-database equivalent that is current at once, so there every call is a change (the
    /// fingerprint is then taken after every request: slower, never blind).
    /// </summary>
    public long Version() => _connection is SqliteConnection ? (long)Scalar("PRAGMA data_version")! : ++_reads;

    public IReadOnlyDictionary<string, string> Fingerprint()
    {
        var tables = new List<string>();
        var list = _connection is SqliteConnection
            ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
        using (var reader = Command(list).ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var prints = new Dictionary<string, string>();
        foreach (var table in tables.Where(t => !IgnoredTables.Contains(t)))
        {
            var lines = new List<string>();
            using (var rows = Command($"SELECT * FROM \"{table}\"").ExecuteReader())
            {
                while (rows.Read())
                {
                    var line = new StringBuilder();
                    for (var i = 0; i < rows.FieldCount; i++)
                    {
                        if (!IgnoredColumns.Contains($"{table}.{rows.GetName(i)}"))
                        {
                            line.Append(rows.GetName(i)).Append('=').Append(rows.GetValue(i)).Append('\u0001');
                        }
                    }

                    lines.Add(line.ToString());
                }
            }

            lines.Sort(StringComparer.Ordinal);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0002', lines)));
            prints[table] = $"{lines.Count} rows, {Convert.ToHexString(hash)[..16]}";
        }

        return prints;
    }

    /// <summary>The tables whose content differs, with before → after.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. after.Where(t => !before.TryGetValue(t.Key, out var was) || was != t.Value)
            .Select(t => $"{t.Key}: {before.GetValueOrDefault(t.Key, "absent")} → {t.Value}")];

    public void Dispose() => _connection.Dispose();

    private object? Scalar(string sql) => Command(sql).ExecuteScalar();

    private DbCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
