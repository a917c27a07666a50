using Pass.Shared.Users;

namespace Pass.Shared.Cards;

/// <summary>
/// The helpdesk's card desk: find a person, bind what the reader types, end or replace bindings. A card that belongs
/// to someone else, or was last reported lost, is refused with its <see cref="CardHolder"/>.
/// </summary>
public interface ICardDeskService
{
    Task<IReadOnlyList<UserSummary>> FindPeopleAsync(string? query, CancellationToken ct = default);

    Task<IReadOnlyList<CardBindingView>> CardsOfAsync(string userId, CancellationToken ct = default);

    /// <summary>Binds what the reader typed; a card last reported lost only with <c>acknowledgedLost</c>, that lost binding's id.</summary>
    Task<Outcome<CardBindingView>> BindCardAsync(string userId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default);

    Task<Outcome<CardBindingView>> ReplaceAsync(Guid bindingId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default);

    Task<Outcome<CardBindingView>> UnbindAsync(Guid bindingId, CancellationToken ct = default);

    Task<Outcome<CardBindingView>> ReportLostAsync(Guid bindingId, CancellationToken ct = default);

    /// <summary>Every binding of a card, newest first; without a format, <paramref name="number"/> is canonical.</summary>
    Task<IReadOnlyList<CardBindingView>> HistoryAsync(string number, CardReaderFormat? format, CancellationToken ct = default);
}
