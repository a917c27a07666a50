using Microsoft.EntityFrameworkCore;

namespace Pass.Web.Data;

/// <summary>
/// Reads a shared key, or writes it when no node has yet; two nodes writing at once both end up with the one that won.
/// Synchronous: it runs once, when the OAuth server's options are first built.
/// </summary>
public sealed class SharedKeyStore(IServiceScopeFactory scopes, TimeProvider time)
{
    public byte[] LoadOrCreate(string name, Func<byte[]> create)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PostgresPassDbContext>();
        if (db.SharedKeys.AsNoTracking().FirstOrDefault(k => k.Name == name) is { } existing)
        {
            return existing.Value;
        }

        try
        {
            db.SharedKeys.Add(new SharedKey { Name = name, Value = create(), CreatedAt = time.GetUtcNow() });
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            // Another node wrote it first: its key is the cluster's.
            db.ChangeTracker.Clear();
        }

        return db.SharedKeys.AsNoTracking().First(k => k.Name == name).Value;
    }
}
