using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pass.Shared.Messages;
using Pass.Web.Clients;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

namespace Pass.Web.Messages;

/// <summary><see cref="IInbox"/> on the server: prerendering and the <c>/api/me/notices</c> endpoints.</summary>
public sealed class ServerInbox(
    PassDbContext db, ClientRegistry clients, InboxNotifier notifier, IHttpContextAccessor http, TimeProvider time, IServiceScopeFactory scopes) : IInbox
{
    private const int Newest = 100;

    private string UserId => (http.HttpContext?.User ?? throw new InvalidOperationException("No signed-in person.")).UserId();

    public async Task<IReadOnlyList<NoticeView>> ListAsync(CancellationToken ct = default)
    {
        var userId = UserId;
        var notices = await db.Notices.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAt).Take(Newest).ToListAsync(ct);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var clientId in notices.Select(n => n.ClientId).OfType<string>().Distinct())
        {
            names[clientId] = await clients.DisplayNameAsync(clientId, ct);
        }

        return [.. notices.Select(n => new NoticeView(n.Id, n.Kind, JsonSerializer.Deserialize<List<string>>(n.Args) ?? [], n.CreatedAt, n.ReadAt is not null,
            n.ClientId, n.ClientId is null ? null : names.GetValueOrDefault(n.ClientId) ?? n.ClientId, n.Title, n.Body, n.Link))];
    }

    /// <summary>
    /// In a context of its own: the app bar's bell asks while the page below it renders, and a page's components may
    /// query at the same time, which one context (one PostgreSQL connection) does not allow.
    /// </summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var userId = UserId;
        await using var scope = scopes.CreateAsyncScope();
        return await CountAsync(scope.ServiceProvider.GetRequiredService<PassDbContext>(), userId, ct);
    }

    public async Task<bool> MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        var userId = UserId;
        var changed = await db.Notices.Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, time.GetUtcNow()), ct);
        if (changed > 0)
        {
            notifier.Publish(userId);
            return true;
        }

        return await db.Notices.AnyAsync(n => n.Id == id && n.UserId == userId, ct);
    }

    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        var userId = UserId;
        if (await db.Notices.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, time.GetUtcNow()), ct) > 0)
        {
            notifier.Publish(userId);
        }
    }

    public async Task<IReadOnlyList<MutedSubsystem>> MutedAsync(CancellationToken ct = default)
    {
        var userId = UserId;
        var muted = new List<MutedSubsystem>();
        foreach (var clientId in await db.NoticeMutes.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt).Select(m => m.ClientId).ToListAsync(ct))
        {
            muted.Add(new MutedSubsystem(clientId, await clients.DisplayNameAsync(clientId, ct) ?? clientId));
        }

        return muted;
    }

    public async Task<bool> SetMutedAsync(string clientId, bool muted, CancellationToken ct = default)
    {
        var userId = UserId;
        var existing = await db.NoticeMutes.FirstOrDefaultAsync(m => m.UserId == userId && m.ClientId == clientId, ct);
        if (!muted)
        {
            if (existing is not null)
            {
                db.NoticeMutes.Remove(existing);
                await db.SaveChangesAsync(ct);
            }

            return true;
        }

        if (existing is null)
        {
            if (await clients.DisplayNameAsync(clientId, ct) is null)
            {
                return false;
            }

            var mute = db.NoticeMutes.Add(new NoticeMute { UserId = userId, ClientId = clientId, CreatedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Muted at the same moment from another page: it is muted either way.
                mute.State = EntityState.Detached;
            }
        }

        return true;
    }

    public async IAsyncEnumerable<int> WatchUnreadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var userId = UserId;
        // Nothing expires in an inbox: the hourly wake is only a fresh read for a page left open.
        await foreach (var unread in notifier.FollowAsync(userId, async c => new Unread(await CountAsync(db, userId, c)), _ => time.GetUtcNow().AddHours(1), time, ct))
        {
            yield return unread.Count;
        }
    }

    private static Task<int> CountAsync(PassDbContext context, string userId, CancellationToken ct) =>
        context.Notices.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    private sealed record Unread(int Count);
}
