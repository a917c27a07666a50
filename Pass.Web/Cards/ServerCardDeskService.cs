using Microsoft.AspNetCore.Identity;
using Pass.Shared;
using Pass.Shared.Cards;
using Pass.Shared.Users;
using Pass.Web.Infrastructure;
using Pass.Web.Data;
using Pass.Web.Users;

namespace Pass.Web.Cards;

/// <summary><see cref="ICardDeskService"/> on the server, over <see cref="CardService"/>; the card API answers from the same outcomes.</summary>
public sealed class ServerCardDeskService(CardService cards, UserDirectory people, UserManager<ApplicationUser> users, IHttpContextAccessor http) : ICardDeskService
{
    private string ActorId => (http.HttpContext?.User ?? throw new InvalidOperationException("No signed-in operator.")).UserId();

    public async Task<IReadOnlyList<UserSummary>> FindPeopleAsync(string? query, CancellationToken ct = default) =>
        (await people.SearchAsync(query, 0, 20, ct)).Items;

    public async Task<IReadOnlyList<CardBindingView>> CardsOfAsync(string userId, CancellationToken ct = default) =>
        await CardViews.ManyAsync(await cards.ListForUserAsync(userId, ct), users, fullNumber: true);

    public async Task<Outcome<CardBindingView>> BindCardAsync(string userId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default) =>
        await (await cards.BindCardAsync(userId, typed, format, ActorId, acknowledgedLost, ct)).ViewAsync(users, fullNumber: true);

    public async Task<Outcome<CardBindingView>> ReplaceAsync(Guid bindingId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default) =>
        await (await cards.ReplaceAsync(bindingId, typed, format, ActorId, acknowledgedLost, ct)).ViewAsync(users, fullNumber: true);

    public async Task<Outcome<CardBindingView>> UnbindAsync(Guid bindingId, CancellationToken ct = default) =>
        await (await cards.UnbindAsync(bindingId, ActorId, ct)).ViewAsync(users, fullNumber: true);

    public async Task<Outcome<CardBindingView>> ReportLostAsync(Guid bindingId, CancellationToken ct = default) =>
        await (await cards.ReportLostAsync(bindingId, ActorId, ownerId: null, ct)).ViewAsync(users, fullNumber: true);

    public async Task<IReadOnlyList<CardBindingView>> HistoryAsync(string number, CardReaderFormat? format, CancellationToken ct = default) =>
        CardNumber.TryRead(number, format).Number is { } card
            ? await CardViews.ManyAsync(await cards.HistoryAsync(card, ct), users, fullNumber: true)
            : [];
}
