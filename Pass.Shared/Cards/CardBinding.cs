using Pass.Shared.Users;

namespace Pass.Shared.Cards;

/// <summary>
/// One card bound to one person for a while. A card number has at most one active binding;
/// an ended binding stays as the card's history.
/// </summary>
public sealed class CardBinding
{
    private CardBinding()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Canonical card number (see <see cref="CardNumber"/>).</summary>
    public string CardNumber { get; private set; } = "";

    public string UserId { get; private set; } = "";

    public CardBindingStatus Status { get; private set; }

    public DateTimeOffset BoundAt { get; private set; }

    public string BoundBy { get; private set; } = "";

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndedBy { get; private set; }

    /// <summary>The binding that replaced this one, when <see cref="Status"/> is Replaced.</summary>
    public Guid? ReplacedBy { get; private set; }

    /// <summary>The OAuth authorization every token issued through this card belongs to.</summary>
    public string? AuthorizationId { get; private set; }

    public bool IsActive => Status == CardBindingStatus.Active;

    public string MaskedNumber => CardNumberMask.Mask(CardNumber);

    public static CardBinding Bind(CardNumber card, string userId, string boundBy, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        CardNumber = card.Value,
        UserId = userId,
        Status = CardBindingStatus.Active,
        BoundAt = now,
        BoundBy = boundBy,
    };

    public void AttachAuthorization(string authorizationId)
    {
        if (AuthorizationId is not null)
        {
            throw new InvalidOperationException("The card binding already has an authorization.");
        }

        AuthorizationId = authorizationId;
    }

    public CardBindingChange ReportLost(string by, DateTimeOffset now) => End(CardBindingStatus.Lost, by, now, null);

    public CardBindingChange Unbind(string by, DateTimeOffset now) => End(CardBindingStatus.Unbound, by, now, null);

    /// <summary>Ends this binding in favour of <paramref name="replacement"/>, a new card of the same person.</summary>
    public CardBindingChange ReplaceWith(CardBinding replacement, string by, DateTimeOffset now)
    {
        if (replacement.UserId != UserId)
        {
            return CardBindingChange.WrongPerson;
        }

        if (replacement.CardNumber == CardNumber)
        {
            return CardBindingChange.SameCard;
        }

        return End(CardBindingStatus.Replaced, by, now, replacement.Id);
    }

    private CardBindingChange End(CardBindingStatus status, string by, DateTimeOffset now, Guid? replacedBy)
    {
        if (!IsActive)
        {
            return CardBindingChange.NotActive;
        }

        Status = status;
        EndedAt = now;
        EndedBy = by;
        ReplacedBy = replacedBy;
        return CardBindingChange.Done;
    }
}
