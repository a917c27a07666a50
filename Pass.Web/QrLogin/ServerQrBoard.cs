using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Pass.Shared.Cards;
using Pass.Shared.QrLogin;
using Pass.Web.Clients;
using Pass.Web.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.QrLogin;

/// <summary>
/// <see cref="IQrBoard"/> on the server: reads the sessions, and follows <see cref="QrSessionNotifier"/> for changes. Each
/// read has a database context of its own: the dashboard's counts and the live board on one page read at the same time.
/// </summary>
public sealed class ServerQrBoard(IServiceScopeFactory scopes, QrSessionNotifier notifier, TimeProvider time) : IQrBoard
{
    public async Task<IReadOnlyList<QrBoardEntry>> RecentAsync(int count, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (db, clients) = Services(scope);
        var sessions = await db.QrSessions.AsNoTracking().OrderByDescending(s => s.CreatedAt).Take(Math.Clamp(count, 1, 200)).ToListAsync(ct);
        var entries = new List<QrBoardEntry>();
        foreach (var session in sessions)
        {
            entries.Add(await EntryAsync(db, clients, session, ct));
        }

        return entries;
    }

    public async IAsyncEnumerable<QrBoardEntry> WatchAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = notifier.SubscribeAll(session => changed.Writer.TryWrite(session));
        await foreach (var session in changed.Reader.ReadAllAsync(ct))
        {
            await using var scope = scopes.CreateAsyncScope();
            var (db, clients) = Services(scope);
            if (await db.QrSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Session == session, ct) is { } found)
            {
                yield return await EntryAsync(db, clients, found, ct);
            }
        }
    }

    public async Task<DashboardCounts> CountsAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PassDbContext>();
        var now = time.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var nowUtc = now.UtcDateTime;
        return new DashboardCounts(
            await db.Users.CountAsync(ct),
            await db.ClientProfiles.CountAsync(c => !c.IsDisabled, ct),
            await db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(t => t.Type == TokenTypeIdentifiers.AccessToken && t.Status == Statuses.Valid && t.ExpirationDate > nowUtc, ct),
            await db.CardBindings.CountAsync(b => b.Status == CardBindingStatus.Active, ct),
            await db.QrSessions.CountAsync(s => s.CreatedAt >= today, ct),
            await db.QrSessions.CountAsync(s => s.CreatedAt >= today && s.State == QrSessionStatus.Used, ct));
    }

    private static (PassDbContext Db, ClientRegistry Clients) Services(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<PassDbContext>(), scope.ServiceProvider.GetRequiredService<ClientRegistry>());

    private static async Task<QrBoardEntry> EntryAsync(PassDbContext db, ClientRegistry clients, QrSession session, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == session.UserId).Select(u => u.DisplayName + " <" + u.Email + ">").FirstOrDefaultAsync(ct);
        var client = session.RedeemedByClientId is { } id ? await clients.DisplayNameAsync(id, ct) : null;
        return new QrBoardEntry(session.Session, session.UserId, person, session.State, session.CreatedAt, session.ExpiresAt,
            session.RedeemedByClientId, client, session.RedeemedAt);
    }
}
