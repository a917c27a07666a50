using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Pass.Web.Data;

/// <summary>
/// Work that one node of a cluster does at a time (the migration, seeding at start, pruning): a session-level advisory
/// lock on PostgreSQL, held on the context's connection until the turn is disposed. A node that dies lets go with its
/// connection. On SQLite there is one process, so every turn is granted at once.
/// </summary>
public static class NodeTurns
{
    /// <summary>Any fixed numbers: every node asks for the same lock.</summary>
    public const long Migration = 0x5041_5353_4D49_4752; // "PASSMIGR"

    public const long Seeding = 0x5041_5353_5345_4544; // "PASSSEED"

    public const long Pruning = 0x5041_5353_5052_554E; // "PASSPRUN"

    public const long SmsDelivery = 0x5041_5353_534D_5353; // "PASSSMSS"

    /// <summary>Waits for the turn.</summary>
    public static async Task<IAsyncDisposable> TakeAsync(DatabaseFacade database, long turn, CancellationToken ct) =>
        (await TakeAsync(database, turn, wait: true, ct))!;

    /// <summary>The turn if no other node holds it now, else null (that node's work serves for this one).</summary>
    public static Task<IAsyncDisposable?> TryTakeAsync(DatabaseFacade database, long turn, CancellationToken ct) =>
        TakeAsync(database, turn, wait: false, ct);

    private static async Task<IAsyncDisposable?> TakeAsync(DatabaseFacade database, long turn, bool wait, CancellationToken ct)
    {
        if (!database.IsNpgsql())
        {
            return Granted.Instance;
        }

        await database.OpenConnectionAsync(ct);
        try
        {
            if (wait)
            {
                await database.ExecuteSqlAsync($"SELECT pg_advisory_lock({turn})", ct);
            }
            else if (!await database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({turn}) AS \"Value\"").SingleAsync(ct))
            {
                await database.CloseConnectionAsync();
                return null;
            }
        }
        catch
        {
            await database.CloseConnectionAsync();
            throw;
        }

        return new Held(database, turn);
    }

    private sealed class Held(DatabaseFacade database, long turn) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({turn})", CancellationToken.None);
            }
            finally
            {
                await database.CloseConnectionAsync();
            }
        }
    }

    private sealed class Granted : IAsyncDisposable
    {
        public static readonly Granted Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
