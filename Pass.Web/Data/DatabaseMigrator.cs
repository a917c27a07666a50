using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Pass.Web.Data;

/// <summary>
/// Runs first, before the server listens: brings the database to the latest migration. On SQLite it also sets WAL
/// mode (it persists in the file); on PostgreSQL nodes that start together take turns, under an advisory lock.
/// </summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<PassDbContext>().Database;
        if (database.IsNpgsql())
        {
            await CreateIfMissingAsync(database, database.GetService<IRelationalDatabaseCreator>(), ct);
            await using (await NodeTurns.TakeAsync(database, NodeTurns.Migration, ct))
            {
                await CreateHistoryIfMissingAsync(database, ct);
                await database.MigrateAsync(ct);
            }

            return;
        }

        await database.MigrateAsync(ct);
        await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Npgsql's migrator reads the history table before creating it and logs the failure as an error on every first
    /// start (npgsql/efcore.pg#3407); creating the table first, under the lock, keeps that first start's log clean.
    /// </summary>
    private static async Task CreateHistoryIfMissingAsync(DatabaseFacade database, CancellationToken ct)
    {
        var history = database.GetService<IHistoryRepository>();
        var missing = await database.SqlQuery<bool>($"SELECT to_regclass('\"__EFMigrationsHistory\"') IS NULL AS \"Value\"").SingleAsync(ct);
        if (missing)
        {
            await database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        }
    }

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
