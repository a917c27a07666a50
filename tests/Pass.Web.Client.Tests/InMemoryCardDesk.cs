using Pass.Shared;
using Pass.Shared.Cards;
using Pass.Shared.Problems;
using Pass.Shared.Users;

namespace Pass.Web.Client.Tests;

/// <summary>
/// A card desk in memory: one person, one card already bound to someone else, and one card whose last binding was
/// reported lost. <see cref="Gate"/>, when set, holds every write until the test opens it.
/// </summary>
public sealed class InMemoryCardDesk : ICardDeskService
{
    public static readonly UserSummary Xia = new("u-xia", "xia@test.local", "Xia Ming", "S-1", null, ["User"], false, DateTimeOffset.UnixEpoch);
    public static readonly Guid OthersBinding = Guid.NewGuid();
    public const string OthersCard = "DEADBEEF";
    public static readonly Guid LostBinding = Guid.NewGuid();
    public const string LostCard = "CAFEF00D";
    public static readonly DateTimeOffset LostAt = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    private bool _othersUnbound;

    public List<CardBindingView> Cards { get; } = [];

    public List<string> Calls { get; } = [];

    public TaskCompletionSource? Gate { get; set; }

    public Task<IReadOnlyList<UserSummary>> FindPeopleAsync(string? query, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<UserSummary>>(query is { Length: > 0 } && Xia.DisplayName.Contains(query, StringComparison.OrdinalIgnoreCase) ? [Xia] : []);

    public Task<IReadOnlyList<CardBindingView>> CardsOfAsync(string userId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CardBindingView>>([.. Cards.Where(c => c.UserId == userId)]);

    public async Task<Outcome<CardBindingView>> BindCardAsync(string userId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default)
    {
        Calls.Add($"bind {typed} {format}" + (acknowledgedLost is { } ack ? $" ack {ack}" : ""));
        await WaitAsync();
        var card = CardNumber.Parse(typed, format);
        if (card.Value == OthersCard && !_othersUnbound)
        {
            return Outcome<CardBindingView>.Refused(ProblemCode.CardAlreadyBound, facts: new CardHolder("Z**** W**", OthersBinding).ToFacts());
        }

        if (Cards.FirstOrDefault(c => c.CardNumber == card.Value && c.Status == CardBindingStatus.Active) is { } held)
        {
            return Outcome<CardBindingView>.Refused(ProblemCode.CardAlreadyBound, facts: new CardHolder("X** M***", held.Id).ToFacts());
        }

        if (card.Value == LostCard && acknowledgedLost != LostBinding)
        {
            return Outcome<CardBindingView>.Refused(ProblemCode.CardReportedLost, facts: CardHolder.Lost("L** O****", LostBinding, LostAt).ToFacts());
        }

        var view = new CardBindingView(Guid.NewGuid(), card.Masked, card.Value, userId, "Xia Ming", CardBindingStatus.Active, DateTimeOffset.UnixEpoch, null, null);
        Cards.Add(view);
        return Outcome<CardBindingView>.Ok(view);
    }

    public Task<Outcome<CardBindingView>> ReplaceAsync(Guid bindingId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default) =>
        Task.FromResult(Outcome<CardBindingView>.NotFound());

    public async Task<Outcome<CardBindingView>> UnbindAsync(Guid bindingId, CancellationToken ct = default)
    {
        Calls.Add($"unbind {bindingId}");
        await WaitAsync();
        _othersUnbound |= bindingId == OthersBinding;
        return End(bindingId, CardBindingStatus.Unbound);
    }

    public async Task<Outcome<CardBindingView>> ReportLostAsync(Guid bindingId, CancellationToken ct = default)
    {
        Calls.Add($"report-lost {bindingId}");
        await WaitAsync();
        return End(bindingId, CardBindingStatus.Lost);
    }

    public Task<IReadOnlyList<CardBindingView>> HistoryAsync(string number, CardReaderFormat? format, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CardBindingView>>([]);

    private Outcome<CardBindingView> End(Guid bindingId, CardBindingStatus status)
    {
        var index = Cards.FindIndex(c => c.Id == bindingId);
        if (index >= 0)
        {
            Cards[index] = Cards[index] with { Status = status, EndedAt = DateTimeOffset.UnixEpoch };
        }

        return new Outcome<CardBindingView>(OutcomeStatus.Done, index >= 0 ? Cards[index] : null);
    }

    private Task WaitAsync() => Gate?.Task ?? Task.CompletedTask;
}
