using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Pass.Web.Data;

/// <summary>
/// Runs first, before the server listens: brings the database to the latest migration. On SQLite it also sets WAL
/// mode (it persists in the file); on PostgreSQL nodes that start together take turns, under an advisory lock.
/// </summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
{
    /// <summary>Any fixed number: every node asks for the same lock.</summary>
    private const long MigrationLock = 0x5041_5353_4D49_4752; // "PASSMIGR"

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<PassDbContext>().Database;
        if (database.IsNpgsql())
        {
            await CreateIfMissingAsync(database, database.GetService<IRelationalDatabaseCreator>(), ct);
            await database.OpenConnectionAsync(ct);
            try
            {
                await database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLock})", ct);
                await database.MigrateAsync(ct);
            }
            finally
            {
                await database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
                await database.CloseConnectionAsync();
            }

            return;
        }

        await database.MigrateAsync(ct);
        await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// The lock lives in the database, so the database comes first; two nodes creating it at once is fine. Asked of the
    /// server's maintenance database, so a first start logs no "database does not exist" error.
    /// </summary>
    private static async Task CreateIfMissingAsync(DatabaseFacade database, IRelationalDatabaseCreator creator, CancellationToken ct)
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(database.GetConnectionString());
        var maintenance = new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new Npgsql.NpgsqlConnection(maintenance.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", target.Database ?? "");
            if (await exists.ExecuteScalarAsync(ct) is not null)
            {
                return;
            }
        }

        try
        {
            await creator.CreateAsync(ct);
        }
        catch (Npgsql.PostgresException error) when (error.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }
}
