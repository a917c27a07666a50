using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Pass.Web.Tests.Fuzz;

/// <summary>
/// Pass's stored state as one fingerprint per table, read on a connection of its own. A refused request may add an
/// audit line and count a failed sign-in toward lockout (both by design); anything else it changes is a bug.
/// </summary>
public sealed class DatabaseState : IDisposable
{
    private static readonly HashSet<string> IgnoredTables = ["AuditEvents", "__EFMigrationsHistory", "sqlite_sequence"];

    private static readonly HashSet<string> IgnoredColumns =
        ["AspNetUsers.AccessFailedCount", "AspNetUsers.LockoutEnd", "AspNetUsers.ConcurrencyStamp"];

    private readonly SqliteConnection _connection;

    public DatabaseState(string databasePath)
    {
        _connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        _connection.Open();
    }

    /// <summary>Changes whenever another connection commits (SQLite's <c>PRAGMA data_version</c>): a cheap "did anything happen".</summary>
    public long Version() => (long)Scalar("PRAGMA data_version")!;

    public IReadOnlyDictionary<string, string> Fingerprint()
    {
        var tables = new List<string>();
        using (var list = Command("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").ExecuteReader())
        {
            while (list.Read())
            {
                tables.Add(list.GetString(0));
            }
        }

        var prints = new Dictionary<string, string>();
        foreach (var table in tables.Where(t => !IgnoredTables.Contains(t)))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var rows = Command($"SELECT * FROM \"{table}\" ORDER BY rowid").ExecuteReader();
            var count = 0;
            while (rows.Read())
            {
                count++;
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    if (!IgnoredColumns.Contains($"{table}.{rows.GetName(i)}"))
                    {
                        hash.AppendData(Encoding.UTF8.GetBytes($"{rows.GetName(i)}={rows.GetValue(i)}\u0001"));
                    }
                }
            }

            prints[table] = $"{count} rows, {Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        }

        return prints;
    }

    /// <summary>The tables whose content differs, with before → after.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. after.Where(t => !before.TryGetValue(t.Key, out var was) || was != t.Value)
            .Select(t => $"{t.Key}: {before.GetValueOrDefault(t.Key, "absent")} → {t.Value}")];

    public void Dispose() => _connection.Dispose();

    private object? Scalar(string sql) => Command(sql).ExecuteScalar();

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
