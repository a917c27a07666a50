using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Cards;
using Pass.Shared.Problems;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Cards;

/// <summary>Binds cards to people and ends bindings; ending one revokes every token the card issued.</summary>
public sealed class CardService(
    PassDbContext db,
    UserManager<ApplicationUser> users,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    TimeProvider time,
    AuditLog audit)
{
    /// <summary>Binds a card; a card last reported lost only with <c>acknowledgedLost</c>, the lost binding the operator confirmed.</summary>
    public async Task<Outcome<CardBinding>> BindCardAsync(string? userId, string? typed, CardReaderFormat format, string actorId, Guid? acknowledgedLost = null, CancellationToken ct = default)
    {
        var parsed = CardNumber.TryParse(typed, format);
        if (parsed.Number is not { } card)
        {
            return InvalidNumber(parsed);
        }

        if (string.IsNullOrEmpty(userId) || await users.FindByIdAsync(userId) is null)
        {
            return Outcome<CardBinding>.NotFound(ProblemCode.PersonNotFound);
        }

        if ((await ConflictAsync(card) ?? await ReportedLostAsync(card, acknowledgedLost, ct)) is { } refused)
        {
            return refused;
        }

        var binding = CardBinding.Bind(card, userId, actorId, time.GetUtcNow());
        var result = await SaveNewBindingAsync(binding, ct);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditEventType.CardBound, userId, detail: AuditDetail.Of(acknowledgedLost is null ? AuditDetailCode.Card : AuditDetailCode.CardRebound, binding.MaskedNumber), ct: ct);
        }

        return result;
    }

    public Task<Outcome<CardBinding>> UnbindAsync(Guid bindingId, string actorId, CancellationToken ct = default) =>
        EndAsync(bindingId, null, (b, now) => b.Unbind(actorId, now), AuditEventType.CardUnbound, ct);

    /// <summary>Blocks a card at once. With <paramref name="ownerId"/>, only that person's own card.</summary>
    public Task<Outcome<CardBinding>> ReportLostAsync(Guid bindingId, string actorId, string? ownerId, CancellationToken ct = default) =>
        EndAsync(bindingId, ownerId, (b, now) => b.ReportLost(actorId, now), AuditEventType.CardReportedLost, ct);

    /// <summary>Binds a new card to the same person and marks the old one replaced.</summary>
    public async Task<Outcome<CardBinding>> ReplaceAsync(Guid bindingId, string? typed, CardReaderFormat format, string actorId, Guid? acknowledgedLost = null, CancellationToken ct = default)
    {
        var parsed = CardNumber.TryParse(typed, format);
        if (parsed.Number is not { } card)
        {
            return InvalidNumber(parsed);
        }

        var old = await db.CardBindings.FirstOrDefaultAsync(b => b.Id == bindingId, ct);
        if (old is null)
        {
            return Outcome<CardBinding>.NotFound();
        }

        if (!old.IsActive)
        {
            return NotActive(old);
        }

        if (old.CardNumber == card.Value)
        {
            return NotActive(old, ProblemCode.CardSameAsReplaced);
        }

        if ((await ConflictAsync(card) ?? await ReportedLostAsync(card, acknowledgedLost, ct)) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var replacement = CardBinding.Bind(card, old.UserId, actorId, now);
        old.ReplaceWith(replacement, actorId, now);
        var result = await SaveNewBindingAsync(replacement, ct);
        if (!result.Succeeded)
        {
            return result;
        }

        await RevokeIssuedAsync(old, ct);
        await audit.RecordAsync(AuditEventType.CardReplaced, old.UserId, detail: AuditDetail.Of(acknowledgedLost is null ? AuditDetailCode.CardReplaced : AuditDetailCode.CardReplacedRebound, old.MaskedNumber, replacement.MaskedNumber), ct: ct);
        return result;
    }

    public Task<CardBinding?> FindActiveAsync(CardNumber card, CancellationToken ct = default) =>
        db.CardBindings.AsNoTracking().FirstOrDefaultAsync(b => b.CardNumber == card.Value && b.Status == CardBindingStatus.Active, ct);

    public Task<CardBinding?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.CardBindings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);

    public async Task<IReadOnlyList<CardBinding>> ListForUserAsync(string userId, CancellationToken ct = default) =>
        await db.CardBindings.AsNoTracking().Where(b => b.UserId == userId).OrderByDescending(b => b.BoundAt).ToListAsync(ct);

    public async Task<IReadOnlyList<CardBinding>> HistoryAsync(CardNumber card, CancellationToken ct = default) =>
        await db.CardBindings.AsNoTracking().Where(b => b.CardNumber == card.Value).OrderByDescending(b => b.BoundAt).ToListAsync(ct);

    private async Task<Outcome<CardBinding>?> ConflictAsync(CardNumber card) =>
        await FindActiveAsync(card) is { } existing ? AlreadyBound(existing, await MaskedOwnerAsync(existing)) : null;

    /// <summary>A card someone else holds; <paramref name="existing"/> is null when that binding could not be read back.</summary>
    private static Outcome<CardBinding> AlreadyBound(CardBinding? existing, string? boundTo) =>
        Outcome<CardBinding>.Refused(ProblemCode.CardAlreadyBound,
            $"Card {existing?.MaskedNumber} belongs to {boundTo}. Unbind it or report it lost first.",
            new CardHolder(boundTo, existing?.Id).ToFacts());

    /// <summary>
    /// A card whose last binding was reported lost may be in the wrong hands: it is bound again only when the
    /// operator acknowledged exactly that lost binding (so a confirmation never carries over to another card).
    /// </summary>
    private async Task<Outcome<CardBinding>?> ReportedLostAsync(CardNumber card, Guid? acknowledged, CancellationToken ct)
    {
        var last = await db.CardBindings.AsNoTracking().Where(b => b.CardNumber == card.Value)
            .OrderByDescending(b => b.BoundAt).FirstOrDefaultAsync(ct);
        if (last is not { Status: CardBindingStatus.Lost } || last.Id == acknowledged)
        {
            return null;
        }

        var boundTo = await MaskedOwnerAsync(last);
        return Outcome<CardBinding>.Refused(ProblemCode.CardReportedLost,
            $"Card {last.MaskedNumber} was reported lost (it belonged to {boundTo}). To bind it again, send lostBindingId as acknowledgedLostBindingId.",
            CardHolder.Lost(boundTo, last.Id, last.EndedAt).ToFacts());
    }

    private async Task<string> MaskedOwnerAsync(CardBinding binding)
    {
        var owner = await users.FindByIdAsync(binding.UserId);
        return NameMask.Mask(owner?.DisplayName ?? owner?.UserName);
    }

    private static Outcome<CardBinding> InvalidNumber(CardNumberParseResult parsed) =>
        Outcome<CardBinding>.Invalid("cardNumber", ProblemTexts.For(parsed.Error!.Value));

    /// <summary>The binding has ended (or, replacing, the new card is the old one); <paramref name="binding"/> is null when it is gone.</summary>
    private static Outcome<CardBinding> NotActive(CardBinding? binding, ProblemCode problem = ProblemCode.CardBindingEnded) =>
        Outcome<CardBinding>.Refused(problem, $"It is {binding?.Status}.");

    // Every token the card issues belongs to one authorization, so losing the card revokes them all at once.
    private async Task<Outcome<CardBinding>> SaveNewBindingAsync(CardBinding binding, CancellationToken ct)
    {
        var authorization = await authorizations.CreateAsync(new OpenIddictAuthorizationDescriptor
        {
            Subject = binding.UserId,
            Status = Statuses.Valid,
            Type = AuthorizationTypes.Permanent,
            CreationDate = time.GetUtcNow(),
        }, ct);
        binding.AttachAuthorization((await authorizations.GetIdAsync(authorization, ct))!);
        db.CardBindings.Add(binding);
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<CardBinding>.Ok(binding);
        }
        catch (DbUpdateException)
        {
            // The partial unique index refused a second active binding of this card: someone bound it first.
            db.ChangeTracker.Clear();
            await authorizations.DeleteAsync(authorization, ct);
            return await ConflictAsync(CardNumber.FromCanonical(binding.CardNumber)) ?? AlreadyBound(null, null);
        }
    }

    private async Task<Outcome<CardBinding>> EndAsync(Guid bindingId, string? ownerId, Func<CardBinding, DateTimeOffset, CardBindingChange> change, AuditEventType type, CancellationToken ct)
    {
        var binding = await db.CardBindings.FirstOrDefaultAsync(b => b.Id == bindingId, ct);
        if (binding is null || (ownerId is not null && binding.UserId != ownerId))
        {
            return Outcome<CardBinding>.NotFound();
        }

        if (change(binding, time.GetUtcNow()) != CardBindingChange.Done)
        {
            return NotActive(binding);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return NotActive(await FindAsync(bindingId, ct));
        }

        await RevokeIssuedAsync(binding, ct);
        await audit.RecordAsync(type, binding.UserId, detail: AuditDetail.Of(AuditDetailCode.Card, binding.MaskedNumber), ct: ct);
        return Outcome<CardBinding>.Ok(binding);
    }

    private async Task RevokeIssuedAsync(CardBinding binding, CancellationToken ct)
    {
        if (binding.AuthorizationId is not { } authorizationId)
        {
            return;
        }

        // Revokes the authorization with its tokens (PassTokenManager).
        await tokens.RevokeByAuthorizationIdAsync(authorizationId, ct);
    }
}
