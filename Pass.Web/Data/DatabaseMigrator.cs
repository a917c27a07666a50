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
            await CreateIfMissingAsync(database.GetService<IRelationalDatabaseCreator>(), ct);
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

    /// <summary>The lock lives in the database, so the database comes first; two nodes creating it at once is fine.</summary>
    private static async Task CreateIfMissingAsync(IRelationalDatabaseCreator creator, CancellationToken ct)
    {
        if (await creator.ExistsAsync(ct))
        {
            return;
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
