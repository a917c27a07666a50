using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pass.Shared.Audit;
using Pass.Shared.Cards;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Cards;
using Pass.Web.Data;

namespace Pass.Web.Lookup;

/// <summary>
/// Finds the person a subsystem asks about and says what a terminal shows of them. Every lookup is audited, a miss
/// too: a client walking through phone numbers shows in the log.
/// </summary>
public sealed class PersonLookup(PassDbContext db, UserManager<ApplicationUser> users, CardService cards, AuditLog audit)
{
    public async Task<PersonLookupResponse?> BySubAsync(string clientId, string sub, CancellationToken ct = default) =>
        await AnswerAsync(clientId, await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == sub, ct), "sub", ct);

    /// <summary>An active card only: a card reported lost or replaced names nobody.</summary>
    public async Task<PersonLookupResponse?> ByCardAsync(string clientId, CardNumber card, CancellationToken ct = default)
    {
        var binding = await cards.FindActiveAsync(card, ct);
        var holder = binding is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == binding.UserId, ct);
        return await AnswerAsync(clientId, holder, $"card {card.Masked}", ct);
    }

    public async Task<PersonLookupResponse?> ByStaffNumberAsync(string clientId, string staffNumber, CancellationToken ct = default) =>
        await AnswerAsync(clientId, await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.StaffNumber == staffNumber, ct), $"staff number {staffNumber}", ct);

    /// <summary>By a phone in E.164, as people's numbers are stored.</summary>
    public async Task<PersonLookupResponse?> ByPhoneAsync(string clientId, string phone, CancellationToken ct = default) =>
        await AnswerAsync(clientId, await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.PhoneNumber == phone, ct), $"phone {PhoneMask.Mask(phone)}", ct);

    private async Task<PersonLookupResponse?> AnswerAsync(string clientId, ApplicationUser? person, string by, CancellationToken ct)
    {
        await audit.RecordAsync(AuditEventType.PersonLookedUp, person?.Id, clientId, AuditDetail.Of(AuditDetailCode.LookedUpBy, by), success: person is not null, ct: ct);
        if (person is null)
        {
            return null;
        }

        var status = await users.IsLockedOutAsync(person) ? PersonStatus.Locked : PersonStatus.Active;
        return new PersonLookupResponse(person.Id, person.DisplayName, person.PhoneNumber is { } phone ? PhoneMask.Mask(phone) : null, person.StaffNumber, status);
    }
}
