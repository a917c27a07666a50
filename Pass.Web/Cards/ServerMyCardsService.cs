using Microsoft.AspNetCore.Identity;
using Pass.Shared.Cards;
using Pass.Web.Infrastructure;
using Pass.Web.Data;

namespace Pass.Web.Cards;

/// <summary><see cref="IMyCardsService"/> on the server: prerendering and the <c>/api/me/cards</c> endpoints.</summary>
public sealed class ServerMyCardsService(CardService cards, UserManager<ApplicationUser> users, IHttpContextAccessor http) : IMyCardsService
{
    private string UserId => (http.HttpContext?.User ?? throw new InvalidOperationException("No signed-in person.")).UserId();

    public async Task<IReadOnlyList<CardBindingView>> ListAsync(CancellationToken ct = default) =>
        await CardViews.ManyAsync(await cards.ListForUserAsync(UserId, ct), users, fullNumber: false);

    public async Task<bool> ReportLostAsync(Guid bindingId, CancellationToken ct = default) =>
        (await cards.ReportLostAsync(bindingId, UserId, ownerId: UserId, ct)).Succeeded;
}
