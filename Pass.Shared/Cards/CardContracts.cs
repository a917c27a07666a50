namespace Pass.Shared.Cards;

/// <param name="AcknowledgedLostBindingId">
/// A card whose last binding was reported lost is bound again only with that binding's id here: the operator saw the
/// warning for that card and confirmed it. Any other id (or none) gets the warning again.
/// </param>
public sealed record BindCardRequest(string? UserId, string? CardNumber, CardReaderFormat? Format, Guid? AcknowledgedLostBindingId = null);

/// <param name="AcknowledgedLostBindingId">As for <see cref="BindCardRequest"/>, for the new card.</param>
public sealed record ReplaceCardRequest(string? CardNumber, CardReaderFormat? Format, Guid? AcknowledgedLostBindingId = null);

/// <summary>A card binding as the portal shows it; <see cref="CardNumber"/> is full only for the helpdesk.</summary>
public sealed record CardBindingView(
    Guid Id,
    string MaskedNumber,
    string? CardNumber,
    string UserId,
    string? UserDisplayName,
    CardBindingStatus Status,
    DateTimeOffset BoundAt,
    DateTimeOffset? EndedAt,
    Guid? ReplacedBy);
