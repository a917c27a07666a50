namespace Pass.Shared.Cards;

/// <param name="AcknowledgedLostBindingId">As for <see cref="BindCardRequest"/>, for the new card.</param>
public sealed record ReplaceCardRequest(string? CardNumber, CardReaderFormat? Format, Guid? AcknowledgedLostBindingId = null);
