using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Pass.Shared.Audit;
using Pass.Shared.Cards;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Cards;

public enum CardOutcome
{
    Done,
    InvalidNumber,
    UserNotFound,
    AlreadyBound,
    NotFound,
    NotActive,
    SameCard,
    ReportedLost,
}

/// <summary>The outcome of a card desk action; for a conflict or a lost card, whom the card belongs (belonged) to, masked.</summary>
public sealed record CardResult(CardOutcome Outcome, CardBinding? Binding = null, string? Reason = null, string? BoundToUserId = null, string? BoundToMaskedName = null,
    Pass.Shared.Problems.ProblemCode? Code = null);

/// <summary>Binds cards to people and ends bindings; ending one revokes every token the card issued.</summary>
public sealed class CardService(
    PassDbContext db,
    UserManager<ApplicationUser> users,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    TimeProvider time,
    AuditLog audit)
{
    private const string Ended = "The card binding has already ended.";

    /// <summary>Binds a card; a card last reported lost only with <c>acknowledgedLost</c>, the lost binding the operator confirmed.</summary>
    public async Task<CardResult> BindCardAsync(string? userId, string? typed, CardReaderFormat format, string actorId, Guid? acknowledgedLost = null, CancellationToken ct = default)
    {
        var parsed = CardNumber.TryParse(typed, format);
        if (parsed.Number is not { } card)
        {
            return new CardResult(CardOutcome.InvalidNumber, Reason: parsed.Reason, Code: Pass.Shared.Problems.ProblemTexts.For(parsed.Error!.Value));
        }

        if (string.IsNullOrEmpty(userId) || await users.FindByIdAsync(userId) is null)
        {
            return new CardResult(CardOutcome.UserNotFound);
        }

        if ((await ConflictAsync(card) ?? await ReportedLostAsync(card, acknowledgedLost, ct)) is { } refused)
        {
            return refused;
        }

        var binding = CardBinding.Bind(card, userId, actorId, time.GetUtcNow());
        var result = await SaveNewBindingAsync(binding, ct);
        if (result.Outcome == CardOutcome.Done)
        {
            await audit.RecordAsync(AuditEventType.CardBound, userId, detail: AuditDetail.Of(acknowledgedLost is null ? AuditDetailCode.Card : AuditDetailCode.CardRebound, binding.MaskedNumber), ct: ct);
        }

        return result;
    }

    public Task<CardResult> UnbindAsync(Guid bindingId, string actorId, CancellationToken ct = default) =>
        EndAsync(bindingId, null, (b, now) => b.Unbind(actorId, now), AuditEventType.CardUnbound, ct);

    /// <summary>Blocks a card at once. With <paramref name="ownerId"/>, only that person's own card.</summary>
    public Task<CardResult> ReportLostAsync(Guid bindingId, string actorId, string? ownerId, CancellationToken ct = default) =>
        EndAsync(bindingId, ownerId, (b, now) => b.ReportLost(actorId, now), AuditEventType.CardReportedLost, ct);

    /// <summary>Binds a new card to the same person and marks the old one replaced.</summary>
    public async Task<CardResult> ReplaceAsync(Guid bindingId, string? typed, CardReaderFormat format, string actorId, Guid? acknowledgedLost = null, CancellationToken ct = default)
    {
        var parsed = CardNumber.TryParse(typed, format);
        if (parsed.Number is not { } card)
        {
            return new CardResult(CardOutcome.InvalidNumber, Reason: parsed.Reason, Code: Pass.Shared.Problems.ProblemTexts.For(parsed.Error!.Value));
        }

        var old = await db.CardBindings.FirstOrDefaultAsync(b => b.Id == bindingId, ct);
        if (old is null)
        {
            return new CardResult(CardOutcome.NotFound);
        }

        if (!old.IsActive)
        {
            return new CardResult(CardOutcome.NotActive, old, Ended);
        }

        if (old.CardNumber == card.Value)
        {
            return new CardResult(CardOutcome.SameCard, old, "That is the card being replaced.", Code: Pass.Shared.Problems.ProblemCode.CardSameAsReplaced);
        }

        if ((await ConflictAsync(card) ?? await ReportedLostAsync(card, acknowledgedLost, ct)) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var replacement = CardBinding.Bind(card, old.UserId, actorId, now);
        old.ReplaceWith(replacement, actorId, now);
        var result = await SaveNewBindingAsync(replacement, ct);
        if (result.Outcome != CardOutcome.Done)
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

    private async Task<CardResult?> ConflictAsync(CardNumber card)
    {
        if (await FindActiveAsync(card) is not { } existing)
        {
            return null;
        }

        var owner = await users.FindByIdAsync(existing.UserId);
        return new CardResult(CardOutcome.AlreadyBound, existing, "The card is already bound to someone.",
            existing.UserId, NameMask.Mask(owner?.DisplayName ?? owner?.UserName));
    }

    /// <summary>
    /// A card whose last binding was reported lost may be in the wrong hands: it is bound again only when the
    /// operator acknowledged exactly that lost binding (so a confirmation never carries over to another card).
    /// </summary>
    private async Task<CardResult?> ReportedLostAsync(CardNumber card, Guid? acknowledged, CancellationToken ct)
    {
        var last = await db.CardBindings.AsNoTracking().Where(b => b.CardNumber == card.Value)
            .OrderByDescending(b => b.BoundAt).FirstOrDefaultAsync(ct);
        if (last is not { Status: CardBindingStatus.Lost } || last.Id == acknowledged)
        {
            return null;
        }

        var owner = await users.FindByIdAsync(last.UserId);
        return new CardResult(CardOutcome.ReportedLost, last, "The card was reported lost.", last.UserId, NameMask.Mask(owner?.DisplayName ?? owner?.UserName));
    }


    // Every token the card issues belongs to one authorization, so losing the card revokes them all at once.
    private async Task<CardResult> SaveNewBindingAsync(CardBinding binding, CancellationToken ct)
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
            return new CardResult(CardOutcome.Done, binding);
        }
        catch (DbUpdateException)
        {
            // The partial unique index refused a second active binding of this card: someone bound it first.
            db.ChangeTracker.Clear();
            await authorizations.DeleteAsync(authorization, ct);
            return await ConflictAsync(CardNumber.FromCanonical(binding.CardNumber))
                ?? new CardResult(CardOutcome.AlreadyBound, Reason: "The card was bound concurrently.");
        }
    }

    private async Task<CardResult> EndAsync(Guid bindingId, string? ownerId, Func<CardBinding, DateTimeOffset, CardBindingChange> change, AuditEventType type, CancellationToken ct)
    {
        var binding = await db.CardBindings.FirstOrDefaultAsync(b => b.Id == bindingId, ct);
        if (binding is null || (ownerId is not null && binding.UserId != ownerId))
        {
            return new CardResult(CardOutcome.NotFound);
        }

        if (change(binding, time.GetUtcNow()) != CardBindingChange.Done)
        {
            return new CardResult(CardOutcome.NotActive, binding, Ended);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new CardResult(CardOutcome.NotActive, await FindAsync(bindingId, ct), Ended);
        }

        await RevokeIssuedAsync(binding, ct);
        await audit.RecordAsync(type, binding.UserId, detail: AuditDetail.Of(AuditDetailCode.Card, binding.MaskedNumber), ct: ct);
        return new CardResult(CardOutcome.Done, binding);
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
