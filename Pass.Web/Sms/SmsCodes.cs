using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;
using Pass.Shared.Sms;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Hosting;
using Pass.Web.Oauth;

namespace Pass.Web.Sms;

public enum SmsSendOutcome
{
    Sent,
    NotSent,
    RateLimited,
    GatewayFailed,
}

public sealed record SmsSendResult(SmsSendOutcome Outcome, TimeSpan RetryAfter = default);

public enum SmsRedeemOutcome
{
    Redeemed,
    Unknown,
    Wrong,
    Dead,
    NoAccount,
    AccountExists,
}

public sealed record SmsRedeemResult(SmsRedeemOutcome Outcome, ApplicationUser? Person = null);

/// <summary>
/// SMS codes (SPEC §2.5): sending with the seed's abort / phone_conflict rules and rate limits, and the one-time,
/// five-tries redemption that signs a person in, signs one up, or moves a phone to its new owner.
/// </summary>
public sealed class SmsCodes(
    PassDbContext db,
    UserManager<ApplicationUser> users,
    ISmsSender sender,
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

        var hourAgo = now.AddHours(-1);
        var recent = await db.SmsCodes.AsNoTracking().Where(c => c.Phone == phone && c.CreatedAt > hourAgo).Select(c => c.CreatedAt).ToListAsync(ct);
        if (recent.Count > 0 && recent.Max() + Options.PhoneInterval > now)
        {
            return new SmsSendResult(SmsSendOutcome.RateLimited, recent.Max() + Options.PhoneInterval - now);
        }

        if (recent.Count >= Options.PhonePerHour)
        {
            return new SmsSendResult(SmsSendOutcome.RateLimited, recent.Min().AddHours(1) - now);
        }

        if (await db.SmsCodes.CountAsync(c => c.ClientId == clientId && c.CreatedAt > hourAgo, ct) >= Options.ClientPerHour)
        {
            return new SmsSendResult(SmsSendOutcome.RateLimited, TimeSpan.FromMinutes(5));
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
            Text = Options.Template
                .Replace("{title}", title, StringComparison.Ordinal)
                .Replace("{code}", code, StringComparison.Ordinal)
                .Replace("{minutes}", ((int)Options.CodeLifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        };
        db.SmsOutbox.Add(message);
        await db.SaveChangesAsync(ct);

        message.Error = await sender.SendAsync(message, ct);
        if (message.Error is null)
        {
            message.SentAt = time.GetUtcNow();
            if (Options.Gateway.Url is not null)
            {
                // The gateway has it: the outbox need not keep a live code readable.
                message.Text = message.Text.Replace(code, new string('•', code.Length), StringComparison.Ordinal);
            }
        }

        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditEventType.SmsCodeSent, holder, clientId, message.Error is null ? AuditDetail.Of(AuditDetailCode.SmsSent, PhoneMask.Mask(phone), purpose.ToString()) : AuditDetail.Of(AuditDetailCode.SmsFailed, PhoneMask.Mask(phone), purpose.ToString(), message.Error),
            success: message.Error is null, ct: ct);
        return new SmsSendResult(message.Error is null ? SmsSendOutcome.Sent : SmsSendOutcome.GatewayFailed);
    }

    public async Task<SmsRedeemResult> RedeemAsync(string phone, string code, string clientId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var entry = await db.SmsCodes.Where(c => c.Phone == phone && c.ClientId == clientId)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (entry is null)
        {
            return new SmsRedeemResult(SmsRedeemOutcome.Unknown);
        }

        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Secrets.Hash(code)), Encoding.ASCII.GetBytes(entry.CodeHash));
        var check = entry.Try(matches, now);
        if (check is SmsCheck.Used or SmsCheck.Expired)
        {
            return new SmsRedeemResult(SmsRedeemOutcome.Dead);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another try wrote first: this one counts as nothing and redeems nothing.
            return new SmsRedeemResult(SmsRedeemOutcome.Dead);
        }

        return check switch
        {
            SmsCheck.Accepted => await ApplyAsync(entry, ct),
            SmsCheck.Wrong => new SmsRedeemResult(SmsRedeemOutcome.Wrong),
            _ => new SmsRedeemResult(SmsRedeemOutcome.Dead),
        };
    }

    /// <summary>What the code was for: the person signing in, a new person, or the phone's new owner.</summary>
    private async Task<SmsRedeemResult> ApplyAsync(SmsCode entry, CancellationToken ct)
    {
        var holder = await users.Users.FirstOrDefaultAsync(u => u.PhoneNumber == entry.Phone, ct);
        switch (entry.Purpose)
        {
            case SmsPurpose.SignIn or SmsPurpose.SignInOrUp when holder is not null:
                return new SmsRedeemResult(SmsRedeemOutcome.Redeemed, holder);
            case SmsPurpose.SignIn:
                return new SmsRedeemResult(SmsRedeemOutcome.NoAccount);
            case SmsPurpose.SignUp when holder is not null:
                return new SmsRedeemResult(SmsRedeemOutcome.AccountExists);
            case SmsPurpose.SignUp or SmsPurpose.SignInOrUp:
                return await SignUpAsync(entry.Phone, ct);
            default:
                return await MovePhoneAsync(entry, holder, ct);
        }
    }

    private async Task<SmsRedeemResult> SignUpAsync(string phone, CancellationToken ct)
    {
        // Email is the sign-in name elsewhere; a phone-only person gets an address in the reserved .invalid domain.
        var email = $"{phone.TrimStart('+')}@phone.invalid";
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = phone,
            PhoneNumber = phone,
            PhoneNumberConfirmed = true,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return new SmsRedeemResult(SmsRedeemOutcome.AccountExists);
        }

        await users.AddToRoleAsync(user, PassRoles.User);
        await audit.RecordAsync(AuditEventType.UserCreated, user.Id, detail: AuditDetail.Of(AuditDetailCode.SignedUpBySms), ct: ct);
        return new SmsRedeemResult(SmsRedeemOutcome.Redeemed, user);
    }

    private async Task<SmsRedeemResult> MovePhoneAsync(SmsCode entry, ApplicationUser? holder, CancellationToken ct)
    {
        if (await users.FindByIdAsync(entry.TargetUserId ?? "") is not { } target)
        {
            return new SmsRedeemResult(SmsRedeemOutcome.NoAccount);
        }

        if (holder is not null && holder.Id != target.Id)
        {
            holder.PhoneNumber = null;
            holder.PhoneNumberConfirmed = false;
            await users.UpdateAsync(holder);
        }

        target.PhoneNumber = entry.Phone;
        target.PhoneNumberConfirmed = true;
        await users.UpdateAsync(target);
        await audit.RecordAsync(AuditEventType.PhoneVerified, target.Id, entry.ClientId, AuditDetail.Of(holder is not null && holder.Id != target.Id ? AuditDetailCode.PhoneMoved : AuditDetailCode.PhoneVerified, PhoneMask.Mask(entry.Phone)), ct: ct);
        return new SmsRedeemResult(SmsRedeemOutcome.Redeemed, target);
    }

    private static string NewCode(int length) =>
        RandomNumberGenerator.GetInt32((int)Math.Pow(10, length)).ToString(CultureInfo.InvariantCulture).PadLeft(length, '0');

    /// <summary>The shared <see cref="PhoneMask"/>; kept for Users/UserDirectory.cs until it calls that itself.</summary>
    public static string Mask(string phone) => PhoneMask.Mask(phone);
}
