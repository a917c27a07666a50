namespace Pass.Shared.Cards;

/// <summary>The signed-in person's own cards (numbers masked).</summary>
public interface IMyCardsService
{
    Task<IReadOnlyList<CardBindingView>> ListAsync(CancellationToken ct = default);

    /// <summary>Blocks the card at once and revokes every token it issued; false if it is not an active card of theirs.</summary>
    Task<bool> ReportLostAsync(Guid bindingId, CancellationToken ct = default);
}
