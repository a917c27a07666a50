using Pass.Shared.Cards;
using Pass.Shared.Users;

namespace Pass.Web.Client.Tests;

/// <summary>A card desk in memory: one person, and one card already bound to someone else.</summary>
public sealed class InMemoryCardDesk : ICardDeskService
{
    public static readonly UserSummary Xia = new("u-xia", "xia@test.local", "Xia Ming", "S-1", null, ["User"], false, DateTimeOffset.UnixEpoch);
    public static readonly Guid OthersBinding = Guid.NewGuid();
    public const string OthersCard = "DEADBEEF";

    public List<CardBindingView> Cards { get; } = [];

    public List<string> Calls { get; } = [];

    public Task<IReadOnlyList<UserSummary>> FindPeopleAsync(string? query, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<UserSummary>>(query is { Length: > 0 } && Xia.DisplayName.Contains(query, StringComparison.OrdinalIgnoreCase) ? [Xia] : []);

    public Task<IReadOnlyList<CardBindingView>> CardsOfAsync(string userId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CardBindingView>>([.. Cards.Where(c => c.UserId == userId)]);

    public Task<CardDeskResult> BindCardAsync(string userId, string typed, CardReaderFormat format, CancellationToken ct = default)
    {
        Calls.Add($"bind {typed} {format}");
        var card = CardNumber.Parse(typed, format);
        if (card.Value == OthersCard)
        {
            return Task.FromResult(new CardDeskResult(CardDeskOutcome.AlreadyBound, BoundTo: "Z**** W**", ConflictingBindingId: OthersBinding));
        }

        var view = new CardBindingView(Guid.NewGuid(), card.Masked, card.Value, userId, "Xia Ming", CardBindingStatus.Active, DateTimeOffset.UnixEpoch, null, null);
        Cards.Add(view);
        return Task.FromResult(new CardDeskResult(CardDeskOutcome.Done, view));
    }

    public Task<CardDeskResult> ReplaceAsync(Guid bindingId, string typed, CardReaderFormat format, CancellationToken ct = default) =>
        Task.FromResult(new CardDeskResult(CardDeskOutcome.NotFound));

    public Task<CardDeskResult> UnbindAsync(Guid bindingId, CancellationToken ct = default)
    {
        Calls.Add($"unbind {bindingId}");
        return Task.FromResult(new CardDeskResult(CardDeskOutcome.Done));
    }

    public Task<CardDeskResult> ReportLostAsync(Guid bindingId, CancellationToken ct = default) =>
        Task.FromResult(new CardDeskResult(CardDeskOutcome.NotFound));

    public Task<IReadOnlyList<CardBindingView>> HistoryAsync(string number, CardReaderFormat? format, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CardBindingView>>([]);
}
