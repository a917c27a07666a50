using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;
using Pass.Shared.Sms;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Infrastructure;
using Pass.Web.Users;

namespace Pass.Web.Sms;

/// <summary>
/// Redeems SMS codes (SPEC §2.5): once, within five tries, for the client that asked for it; the code then signs a
/// person in, signs a new one up, or moves a phone to its new owner.
/// </summary>
public sealed class SmsCodeRedeemer(
    PassDbContext db,
    UserManager<ApplicationUser> users,
    UserDirectory directory,
    TimeProvider time,
    AuditLog audit)
{
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

    /// <summary>Through the one creation path; a second sign-up racing this one for the same phone finds the account made.</summary>
    private async Task<SmsRedeemResult> SignUpAsync(string phone, CancellationToken ct)
    {
        var created = await directory.CreateAsync(NewPerson.SignedUpBySms(phone), ct);
        return created.Succeeded && await users.FindByIdAsync(created.Value!.User.Id) is { } user
            ? new SmsRedeemResult(SmsRedeemOutcome.Redeemed, user)
            : new SmsRedeemResult(SmsRedeemOutcome.AccountExists);
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
}
