using Microsoft.EntityFrameworkCore;

namespace Pass.Web.Data;

/// <summary>
/// Reads a shared key, or writes it when no node has yet; two nodes writing at once both end up with the one that won.
/// </summary>
public sealed class SharedKeyStore(IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task<byte[]> LoadOrCreateAsync(string name, Func<byte[]> create, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PostgresPassDbContext>();
        if (await db.SharedKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Name == name, ct) is { } existing)
        {
            return existing.Value;
        }

        try
        {
            db.SharedKeys.Add(new SharedKey { Name = name, Value = create(), CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node wrote it first: its key is the cluster's.
            db.ChangeTracker.Clear();
        }

        return (await db.SharedKeys.AsNoTracking().FirstAsync(k => k.Name == name, ct)).Value;
    }
}
