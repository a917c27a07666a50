using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pass.Shared.Audit;
using Pass.Shared.Sms;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

namespace Pass.Web.Sms;

/// <summary>
/// Sends SMS codes (SPEC §2.5) with the seed's abort rules and the rate limits: a new code replaces the live one for
/// the same phone and client, goes into the outbox in the configured template, and on to the gateway.
/// </summary>
public sealed class SmsCodeSender(
    PassDbContext db,
    ISmsSender sender,
    SmsDelivery delivery,
    IOptions<SmsOptions> options,
    TimeProvider time,
    AuditLog audit)
{
    private SmsOptions Options => options.Value;

    public async Task<SmsSendResult> SendAsync(string phone, string title, SmsPurpose purpose, string clientId, string? targetUserId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var holder = await db.Users.AsNoTracking().Where(u => u.PhoneNumber == phone).Select(u => u.Id).FirstOrDefaultAsync(ct);

        // The seed's abort: nothing is sent, and the caller cannot tell (always 200).
        if ((purpose == SmsPurpose.SignUp && holder is not null) || (purpose == SmsPurpose.SignIn && holder is null))
        {
            return new SmsSendResult(SmsSendOutcome.NotSent);
        }

        if (await RetryAfterAsync(phone, clientId, now, ct) is { } wait)
        {
            return new SmsSendResult(SmsSendOutcome.RateLimited, wait);
        }

        foreach (var live in await db.SmsCodes.Where(c => c.Phone == phone && c.ClientId == clientId && c.UsedAt == null).ToListAsync(ct))
        {
            live.Supersede(now);
        }

        var code = NewCode(Options.CodeLength);
        db.SmsCodes.Add(SmsCode.Create(phone, clientId, purpose, targetUserId, Secrets.Hash(code), now, Options.CodeLifetime));
        var message = new SmsOutboxMessage
        {
            Id = Guid.NewGuid(),
            Phone = phone,
            ClientId = clientId,
            CreatedAt = now,
            Text = Text(title, code),
            CodeInText = code,
            NextAttemptAt = delivery.FirstRetryAt(now),
            GiveUpAt = now + Options.CodeLifetime,
        };
        db.SmsOutbox.Add(message);
        await db.SaveChangesAsync(ct);

        // The first attempt now, while the person waits; a failed one is tried again by the delivery worker.
        await delivery.AttemptAsync(message, sender, ct);
        await audit.RecordAsync(AuditEventType.SmsCodeSent, holder, clientId, message.Error is null ? AuditDetail.Of(AuditDetailCode.SmsSent, PhoneMask.Mask(phone), purpose.ToString()) : AuditDetail.Of(AuditDetailCode.SmsFailed, PhoneMask.Mask(phone), purpose.ToString(), message.Error),
            success: message.Error is null, ct: ct);
        return new SmsSendResult(message.Error is null ? SmsSendOutcome.Sent : SmsSendOutcome.GatewayFailed);
    }

    /// <summary>How long until the phone or the client may have another code, or null when it may now.</summary>
    private async Task<TimeSpan?> RetryAfterAsync(string phone, string clientId, DateTimeOffset now, CancellationToken ct)
    {
        var hourAgo = now.AddHours(-1);
        var recent = await db.SmsCodes.AsNoTracking().Where(c => c.Phone == phone && c.CreatedAt > hourAgo).Select(c => c.CreatedAt).ToListAsync(ct);
        if (recent.Count > 0 && recent.Max() + Options.PhoneInterval > now)
        {
            return recent.Max() + Options.PhoneInterval - now;
        }

        if (recent.Count >= Options.PhonePerHour)
        {
            return recent.Min().AddHours(1) - now;
        }

        if (await db.SmsCodes.CountAsync(c => c.ClientId == clientId && c.CreatedAt > hourAgo, ct) >= Options.ClientPerHour)
        {
            return TimeSpan.FromMinutes(5);
        }

        return null;
    }

    private string Text(string title, string code) => Options.Template
        .Replace("{title}", title, StringComparison.Ordinal)
        .Replace("{code}", code, StringComparison.Ordinal)
        .Replace("{minutes}", ((int)Options.CodeLifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string NewCode(int length) =>
        RandomNumberGenerator.GetInt32((int)Math.Pow(10, length)).ToString(CultureInfo.InvariantCulture).PadLeft(length, '0');
}
