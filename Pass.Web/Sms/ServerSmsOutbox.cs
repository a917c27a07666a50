using Microsoft.EntityFrameworkCore;
using Pass.Shared.Sms;
using Pass.Shared.Users;
using Pass.Web.Data;

namespace Pass.Web.Sms;

/// <summary>The newest 100 messages; their text only in Development, where the outbox stands in for a gateway.</summary>
public sealed class ServerSmsOutbox(PassDbContext db, IHostEnvironment environment) : ISmsOutbox
{
    public async Task<IReadOnlyList<SmsOutboxEntry>> RecentAsync(CancellationToken ct = default)
    {
        var showText = environment.IsDevelopment();
        var messages = await db.SmsOutbox.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(100).ToListAsync(ct);
        return [.. messages.Select(m => new SmsOutboxEntry(m.Id, showText ? m.Phone : PhoneMask.Mask(m.Phone), m.ClientId, showText ? m.Text : null, m.CreatedAt, m.SentAt, m.Error,
            m.Status, m.Attempts, m.NextAttemptAt))];
    }
}
