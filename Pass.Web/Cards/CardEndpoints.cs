using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Shared.Problems;
using Pass.Web.Infrastructure;
using Pass.Web.Data;
using Pass.Web.Users;

namespace Pass.Web.Cards;

/// <summary>The card desk (helpdesk) over <see cref="ICardDeskService"/>, and a person's own cards.</summary>
public static class CardEndpoints
{
    public static IEndpointRouteBuilder MapCardEndpoints(this IEndpointRouteBuilder routes)
    {
        var desk = routes.MapGroup(PassRoutes.Cards).WithTags("Cards")
            .RequireAuthorization(PassPolicies.Helpdesk)
            .RequireAntiforgeryOnWrites();
        desk.MapPost("/", async (BindCardRequest request, ICardDeskService cards, CancellationToken ct) =>
            request.Format is not { } format ? FormatRequired()
            : ToHttp(await cards.BindCardAsync(request.UserId ?? "", request.CardNumber ?? "", format, request.AcknowledgedLostBindingId, ct), created: true));
        desk.MapGet("/", async (string userId, ICardDeskService cards, CancellationToken ct) => TypedResults.Ok(await cards.CardsOfAsync(userId, ct)));
        desk.MapGet("/history", HistoryAsync);
        desk.MapPost("/{id:guid}/unbind", async (Guid id, ICardDeskService cards, CancellationToken ct) => ToHttp(await cards.UnbindAsync(id, ct)));
        desk.MapPost("/{id:guid}/report-lost", async (Guid id, ICardDeskService cards, CancellationToken ct) => ToHttp(await cards.ReportLostAsync(id, ct)));
        desk.MapPost("/{id:guid}/replace", async (Guid id, ReplaceCardRequest request, ICardDeskService cards, CancellationToken ct) =>
            request.Format is not { } format ? FormatRequired()
            : ToHttp(await cards.ReplaceAsync(id, request.CardNumber ?? "", format, request.AcknowledgedLostBindingId, ct)));

        var me = routes.MapGroup(PassRoutes.Me + "/cards").WithTags("My account")
            .RequireAuthorization(PassPolicies.PortalUser)
            .RequireAntiforgeryOnWrites();
        me.MapGet("/", async (IMyCardsService mine, CancellationToken ct) => TypedResults.Ok(await mine.ListAsync(ct)));
        me.MapPost("/{id:guid}/report-lost", async (Guid id, ClaimsPrincipal user, CardService cards, UserManager<ApplicationUser> users, CancellationToken ct) =>
            ToHttp(await CardViews.ResultAsync(await cards.ReportLostAsync(id, user.UserId(), ownerId: user.UserId(), ct), users, fullNumber: false)));
        return routes;
    }

    /// <summary>A number as a reader of <paramref name="format"/> typed it, or, without a format, in canonical form.</summary>
    public static CardNumberParseResult ReadNumber(string? number, CardReaderFormat? format) =>
        format is { } f ? CardNumber.TryParse(number, f)
        : CardNumber.TryFromCanonical(number) is { } canonical ? new CardNumberParseResult(canonical, null)
        : new CardNumberParseResult(null, CardNumberError.WrongLength);

    public static async Task<IResult> HistoryAsync(string? number, CardReaderFormat? format, ICardDeskService cards, CancellationToken ct) =>
        ReadNumber(number, format) is { Number: null, Error: { } error }
            ? ApiExtensions.Invalid("number", ProblemTexts.For(error))
            : TypedResults.Ok(await cards.HistoryAsync(number!, format, ct));

    private static IResult FormatRequired() => ApiExtensions.Invalid("format", ProblemCode.DeskReaderFormatRequired);

    /// <summary>
    /// A card action's result as HTTP; a conflict names the holder (masked) and the binding to end first; a card
    /// reported lost names its last holder (masked), when, and the binding id that acknowledges it.
    /// </summary>
    private static IResult ToHttp(CardDeskResult result, bool created = false) => result.Outcome switch
    {
        CardDeskOutcome.Done when created => TypedResults.Created($"{PassRoutes.Cards}/{result.Binding!.Id}", result.Binding),
        CardDeskOutcome.Done => TypedResults.Ok(result.Binding),
        CardDeskOutcome.Invalid => result.Code is { } code ? ApiExtensions.Invalid("cardNumber", code) : ApiExtensions.Invalid("cardNumber", result.Reason!),
        CardDeskOutcome.PersonNotFound => ApiExtensions.Problem(StatusCodes.Status404NotFound, ProblemCode.PersonNotFound),
        CardDeskOutcome.NotFound => TypedResults.NotFound(),
        CardDeskOutcome.NotActive => ApiExtensions.Problem(StatusCodes.Status409Conflict, result.Code ?? ProblemCode.CardBindingEnded,
            $"It is {result.Binding?.Status}."),
        CardDeskOutcome.ReportedLost => ApiExtensions.Problem(StatusCodes.Status409Conflict, ProblemCode.CardReportedLost,
            $"Card {result.Binding?.MaskedNumber} was reported lost (it belonged to {result.BoundTo}). To bind it again, send lostBindingId as acknowledgedLostBindingId.",
            new Dictionary<string, object?> { ["boundTo"] = result.BoundTo, ["lostBindingId"] = result.ConflictingBindingId, ["reportedLostAt"] = result.ReportedLostAt }),
        _ => ApiExtensions.Problem(StatusCodes.Status409Conflict, ProblemCode.CardAlreadyBound,
            $"Card {result.Binding?.MaskedNumber} belongs to {result.BoundTo}. Unbind it or report it lost first.",
            new Dictionary<string, object?> { ["boundTo"] = result.BoundTo, ["bindingId"] = result.ConflictingBindingId }),
    };
}
