using Pass.Shared.Users;

namespace Pass.Shared.Cards;

public enum CardDeskOutcome
{
    Done,
    Invalid,
    PersonNotFound,
    AlreadyBound,
    NotFound,
    NotActive,
}

/// <summary>
/// What a card desk action did. For <see cref="CardDeskOutcome.AlreadyBound"/>: whom the card belongs to
/// (masked) and that binding's id, so the desk can end it first.
/// </summary>
/// <see cref="Reason"/> is English; <see cref="Code"/> says the same for the portal to show in the person's language.
public sealed record CardDeskResult(CardDeskOutcome Outcome, CardBindingView? Binding = null, string? Reason = null, string? BoundTo = null, Guid? ConflictingBindingId = null,
    Problems.CodedProblem? Code = null);

/// <summary>The helpdesk's card desk: find a person, bind what the reader types, end or replace bindings.</summary>
public interface ICardDeskService
{
    Task<IReadOnlyList<UserSummary>> FindPeopleAsync(string? query, CancellationToken ct = default);

    Task<IReadOnlyList<CardBindingView>> CardsOfAsync(string userId, CancellationToken ct = default);

    Task<CardDeskResult> BindCardAsync(string userId, string typed, CardReaderFormat format, CancellationToken ct = default);

    Task<CardDeskResult> ReplaceAsync(Guid bindingId, string typed, CardReaderFormat format, CancellationToken ct = default);

    Task<CardDeskResult> UnbindAsync(Guid bindingId, CancellationToken ct = default);

    Task<CardDeskResult> ReportLostAsync(Guid bindingId, CancellationToken ct = default);

    /// <summary>Every binding of a card, newest first; without a format, <paramref name="number"/> is canonical.</summary>
    Task<IReadOnlyList<CardBindingView>> HistoryAsync(string number, CardReaderFormat? format, CancellationToken ct = default);
}
