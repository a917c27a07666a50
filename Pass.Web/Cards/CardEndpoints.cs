using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Shared.Problems;
using Pass.Web.Infrastructure;
using Pass.Web.Data;

namespace Pass.Web.Cards;

/// <summary>
/// The card desk (helpdesk) over <see cref="ICardDeskService"/>, and a person's own cards. A conflict names the holder
/// (masked) and the binding to end first; a card reported lost names its last holder (masked), when, and the binding
/// id that acknowledges it (<see cref="CardHolder"/>).
/// </summary>
public static class CardEndpoints
{
    public static IEndpointRouteBuilder MapCardEndpoints(this IEndpointRouteBuilder routes)
    {
        var desk = routes.MapGroup(PassRoutes.Cards).WithTags("Cards")
            .RequireAuthorization(PassPolicies.Helpdesk)
            .RequireAntiforgeryOnWrites();
        desk.MapPost("/", async (BindCardRequest request, ICardDeskService cards, CancellationToken ct) =>
            request.Format is not { } format ? FormatRequired()
            : (await cards.BindCardAsync(request.UserId ?? "", request.CardNumber ?? "", format, request.AcknowledgedLostBindingId, ct))
                .ToHttp(binding => TypedResults.Created($"{PassRoutes.Cards}/{binding.Id}", binding)));
        desk.MapGet("/", async (string userId, ICardDeskService cards, CancellationToken ct) => TypedResults.Ok(await cards.CardsOfAsync(userId, ct)));
        desk.MapGet("/history", HistoryAsync);
        desk.MapPost("/{id:guid}/unbind", async (Guid id, ICardDeskService cards, CancellationToken ct) => (await cards.UnbindAsync(id, ct)).ToHttp(TypedResults.Ok));
        desk.MapPost("/{id:guid}/report-lost", async (Guid id, ICardDeskService cards, CancellationToken ct) => (await cards.ReportLostAsync(id, ct)).ToHttp(TypedResults.Ok));
        desk.MapPost("/{id:guid}/replace", async (Guid id, ReplaceCardRequest request, ICardDeskService cards, CancellationToken ct) =>
            request.Format is not { } format ? FormatRequired()
            : (await cards.ReplaceAsync(id, request.CardNumber ?? "", format, request.AcknowledgedLostBindingId, ct)).ToHttp(TypedResults.Ok));

        var me = routes.MapGroup(PassRoutes.Me + "/cards").WithTags("My account")
            .RequireAuthorization(PassPolicies.PortalUser)
            .RequireAntiforgeryOnWrites();
        me.MapGet("/", async (IMyCardsService mine, CancellationToken ct) => TypedResults.Ok(await mine.ListAsync(ct)));
        me.MapPost("/{id:guid}/report-lost", ReportOwnCardLostAsync);
        return routes;
    }

    public static async Task<IResult> HistoryAsync(string? number, CardReaderFormat? format, ICardDeskService cards, CancellationToken ct) =>
        CardNumber.TryRead(number, format) is { Number: null, Error: { } error }
            ? ApiExtensions.Invalid("number", ProblemTexts.For(error))
            : TypedResults.Ok(await cards.HistoryAsync(number!, format, ct));

    public static async Task<IResult> ReportOwnCardLostAsync(Guid id, ClaimsPrincipal user, CardService cards, UserManager<ApplicationUser> users, CancellationToken ct) =>
        (await (await cards.ReportLostAsync(id, user.UserId(), ownerId: user.UserId(), ct)).ViewAsync(users, fullNumber: false)).ToHttp(TypedResults.Ok);

    private static IResult FormatRequired() => ApiExtensions.Invalid("format", ProblemCode.DeskReaderFormatRequired);
}
