using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pass.Web.Data;

namespace Pass.Web.Users;

/// <summary>
/// A sign-in attempt writes what it writes in one commit, whatever the answer: a wrong password's failed-attempt
/// counter and its audit line go together, as an unknown account's audit line goes alone. Each refusal then costs one
/// commit (the expensive part of a write), so the time a refusal takes does not tell whether the account exists.
/// On SQLite the transaction is deferred: the write lock is taken at the first write, after the password hash. On
/// PostgreSQL the attempts on one account take turns (a transaction-scoped advisory lock on the account name, taken
/// before the account is read), so parallel wrong passwords on any nodes each count toward lockout, as SQLite's single
/// writer makes them.
/// </summary>
public sealed class SignInCommit : IAsyncDisposable
{
    private readonly PassDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly SqliteTransaction? _sqlite;

    private SignInCommit(PassDbContext db, IDbContextTransaction transaction, SqliteTransaction? sqlite)
    {
        _db = db;
        _transaction = transaction;
        _sqlite = sqlite;
    }

    public static async Task<SignInCommit> BeginAsync(PassDbContext db, string? account, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            return new SignInCommit(db, (await db.Database.UseTransactionAsync(sqlite, ct))!, sqlite);
        }

        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (account is { Length: > 0 })
        {
            var key = account.Trim().ToUpperInvariant();
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
        }

        return new SignInCommit(db, transaction, null);
    }

    public Task CommitAsync(CancellationToken ct = default) => _transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
            await _db.Database.UseTransactionAsync(null);
            await _db.Database.CloseConnectionAsync();
        }
    }
}
