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

    /// <summary>The card's last binding was reported lost; binding it again needs that binding's id as acknowledgement.</summary>
    ReportedLost,
}

/// <summary>
/// What a card desk action did. For <see cref="CardDeskOutcome.AlreadyBound"/>: whom the card belongs to
/// (masked) and that binding's id, so the desk can end it first. For <see cref="CardDeskOutcome.ReportedLost"/>:
/// whom it belonged to (masked), the lost binding's id (to acknowledge) and when it was reported lost.
/// </summary>
/// <see cref="Reason"/> is English; <see cref="Code"/> says the same for the portal to show in the person's language.
public sealed record CardDeskResult(CardDeskOutcome Outcome, CardBindingView? Binding = null, string? Reason = null, string? BoundTo = null,
    Guid? ConflictingBindingId = null, DateTimeOffset? ReportedLostAt = null, Problems.CodedProblem? Code = null);

/// <summary>The helpdesk's card desk: find a person, bind what the reader types, end or replace bindings.</summary>
public interface ICardDeskService
{
    Task<IReadOnlyList<UserSummary>> FindPeopleAsync(string? query, CancellationToken ct = default);

    Task<IReadOnlyList<CardBindingView>> CardsOfAsync(string userId, CancellationToken ct = default);

    /// <summary>Binds what the reader typed; a card last reported lost only with <c>acknowledgedLost</c>, that lost binding's id.</summary>
    Task<CardDeskResult> BindCardAsync(string userId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default);

    Task<CardDeskResult> ReplaceAsync(Guid bindingId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default);

    Task<CardDeskResult> UnbindAsync(Guid bindingId, CancellationToken ct = default);

    Task<CardDeskResult> ReportLostAsync(Guid bindingId, CancellationToken ct = default);

    /// <summary>Every binding of a card, newest first; without a format, <paramref name="number"/> is canonical.</summary>
    Task<IReadOnlyList<CardBindingView>> HistoryAsync(string number, CardReaderFormat? format, CancellationToken ct = default);
}
