using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pass.Shared.Messages;
using Pass.Web.Data;
using Pass.Web.Sms;

namespace Pass.Web.Messages;

/// <summary>
/// Puts a notice in a person's inbox and, for the kinds <c>Pass:Messages:SmsKinds</c> names, an SMS in the outbox when
/// they have a phone. Both are added to the request's unit of work; once it is saved the person's pages hear of it and
/// the SMS worker is woken.
/// </summary>
public sealed class NoticeBoard(PassDbContext db, SmsDelivery sms, InboxNotifier inbox, IOptions<MessagesOptions> options, TimeProvider time)
{
    /// <summary>What an SMS from Pass itself is filed under in the outbox.</summary>
    public const string PassSender = "pass";

    private readonly HashSet<string> _told = new(StringComparer.Ordinal);

    public async Task<Notice> AddAsync(string userId, NoticeKind kind, IReadOnlyList<string> args, CancellationToken ct = default,
        string? clientId = null, string? clientName = null, string? title = null, string? body = null, string? link = null)
    {
        var now = time.GetUtcNow();
        var notice = new Notice
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Kind = kind,
            Args = JsonSerializer.Serialize(args),
            ClientId = clientId,
            Title = title,
            Body = body,
            Link = link,
            CreatedAt = now,
        };
        db.Notices.Add(notice);
        if (options.Value.SendsSms(kind) && await PhoneOfAsync(userId, ct) is { } phone)
        {
            db.SmsOutbox.Add(new SmsOutboxMessage
            {
                Id = Guid.CreateVersion7(now),
                Phone = phone,
                ClientId = clientId ?? PassSender,
                Text = NoticeTexts.Sms(kind, args, clientName, title, body),
                CreatedAt = now,
                NextAttemptAt = now,
                GiveUpAt = now + options.Value.SmsGiveUpAfter,
            });
        }

        TellAfterSave(userId);
        return notice;
    }

    /// <summary>The person's phone as this request has it: a phone linked in this very unit of work is not saved yet.</summary>
    private async Task<string?> PhoneOfAsync(string userId, CancellationToken ct) =>
        db.Users.Local.FirstOrDefault(u => u.Id == userId) is { } tracked
            ? tracked.PhoneNumber
            : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);

    private void TellAfterSave(string userId)
    {
        if (_told.Count == 0)
        {
            db.SavedChanges += Saved;
        }

        _told.Add(userId);
    }

    private void Saved(object? sender, SavedChangesEventArgs e)
    {
        db.SavedChanges -= Saved;
        foreach (var userId in _told)
        {
            inbox.Publish(userId);
        }

        _told.Clear();
        sms.Wake();
    }
}
