namespace Pass.Shared.Cards;

/// <param name="AcknowledgedLostBindingId">
/// A card whose last binding was reported lost is bound again only with that binding's id here: the operator saw the
/// warning for that card and confirmed it. Any other id (or none) gets the warning again.
/// </param>
public sealed record BindCardRequest(string? UserId, string? CardNumber, CardReaderFormat? Format, Guid? AcknowledgedLostBindingId = null);
