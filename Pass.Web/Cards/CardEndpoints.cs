using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Api;
using Pass.Web.Data;
using Pass.Web.Users;

namespace Pass.Web.Cards;

/// <summary>The card desk (helpdesk) and a person's own cards.</summary>
public static class CardEndpoints
{
    public static IEndpointRouteBuilder MapCardEndpoints(this IEndpointRouteBuilder routes)
    {
        var desk = routes.MapGroup(PassRoutes.Cards).WithTags("Cards")
            .RequireAuthorization(PassPolicies.Helpdesk)
            .RequireAntiforgeryOnWrites();
        desk.MapPost("/", BindAsync);
        desk.MapGet("/", async (string userId, CardService cards, UserManager<ApplicationUser> users) =>
            TypedResults.Ok(await ViewsAsync(await cards.ListForUserAsync(userId), users, fullNumber: true)));
        desk.MapGet("/history", HistoryAsync);
        desk.MapPost("/{id:guid}/unbind", async (Guid id, ClaimsPrincipal user, CardService cards, UserManager<ApplicationUser> users) =>
            await ToResultAsync(await cards.UnbindAsync(id, user.UserId()), users));
        desk.MapPost("/{id:guid}/report-lost", async (Guid id, ClaimsPrincipal user, CardService cards, UserManager<ApplicationUser> users) =>
            await ToResultAsync(await cards.ReportLostAsync(id, user.UserId(), ownerId: null), users));
        desk.MapPost("/{id:guid}/replace", async (Guid id, ReplaceCardRequest request, ClaimsPrincipal user, CardService cards, UserManager<ApplicationUser> users) =>
            request.Format is not { } format
                ? ApiExtensions.Invalid("format", "The card desk's reader format is required.")
                : await ToResultAsync(await cards.ReplaceAsync(id, request.CardNumber, format, user.UserId()), users));

        var me = routes.MapGroup(PassRoutes.Me + "/cards").WithTags("My account")
            .RequireAuthorization(PassPolicies.PortalUser)
            .RequireAntiforgeryOnWrites();
        me.MapGet("/", async (IMyCardsService mine, CancellationToken ct) => TypedResults.Ok(await mine.ListAsync(ct)));
        me.MapPost("/{id:guid}/report-lost", async (Guid id, ClaimsPrincipal user, CardService cards, UserManager<ApplicationUser> users) =>
            await ToResultAsync(await cards.ReportLostAsync(id, user.UserId(), ownerId: user.UserId()), users, fullNumber: false));
        return routes;
    }

    public static async Task<IResult> BindAsync(BindCardRequest request, ClaimsPrincipal user, CardService cards, UserManager<ApplicationUser> users)
    {
        if (request.Format is not { } format)
        {
            return ApiExtensions.Invalid("format", "The card desk's reader format is required.");
        }

        var result = await cards.BindCardAsync(request.UserId, request.CardNumber, format, user.UserId());
        return result.Outcome == CardOutcome.Done
            ? TypedResults.Created($"{PassRoutes.Cards}/{result.Binding!.Id}", await ViewAsync(result.Binding, users, fullNumber: true))
            : await ToResultAsync(result, users);
    }

    /// <summary>A number as a reader of <paramref name="format"/> typed it, or, without a format, in canonical form.</summary>
    public static CardNumberParseResult ReadNumber(string? number, CardReaderFormat? format) =>
        format is { } f ? CardNumber.TryParse(number, f)
        : CardNumber.TryFromCanonical(number) is { } canonical ? new CardNumberParseResult(canonical, null)
        : new CardNumberParseResult(null, CardNumberError.WrongLength);

    public static async Task<IResult> HistoryAsync(string? number, CardReaderFormat? format, CardService cards, UserManager<ApplicationUser> users)
    {
        var parsed = ReadNumber(number, format);
        return parsed.Number is { } card
            ? TypedResults.Ok(await ViewsAsync(await cards.HistoryAsync(card), users, fullNumber: true))
            : ApiExtensions.Invalid("number", parsed.Reason!);
    }

    private static async Task<IResult> ToResultAsync(CardResult result, UserManager<ApplicationUser> users, bool fullNumber = true) => result.Outcome switch
    {
        CardOutcome.Done => TypedResults.Ok(await ViewAsync(result.Binding!, users, fullNumber)),
        CardOutcome.InvalidNumber => ApiExtensions.Invalid("cardNumber", result.Reason!),
        CardOutcome.UserNotFound => ApiExtensions.Problem(StatusCodes.Status404NotFound, "No such person."),
        CardOutcome.NotFound => TypedResults.NotFound(),
        CardOutcome.NotActive => ApiExtensions.Problem(StatusCodes.Status409Conflict, "The card binding has already ended.",
            $"It is {result.Binding?.Status}."),
        CardOutcome.SameCard => ApiExtensions.Problem(StatusCodes.Status409Conflict, "That is the card being replaced."),
        _ => ApiExtensions.Problem(StatusCodes.Status409Conflict, "The card is already bound to someone else.",
            $"Card {result.Binding?.MaskedNumber} belongs to {result.BoundToMaskedName}. Unbind it or report it lost first.",
            new Dictionary<string, object?> { ["boundTo"] = result.BoundToMaskedName, ["bindingId"] = result.Binding?.Id }),
    };

    private static Task<List<CardBindingView>> ViewsAsync(IEnumerable<CardBinding> bindings, UserManager<ApplicationUser> users, bool fullNumber) =>
        CardViews.ManyAsync(bindings, users, fullNumber);

    private static Task<CardBindingView> ViewAsync(CardBinding binding, UserManager<ApplicationUser> users, bool fullNumber) =>
        CardViews.OneAsync(binding, users, fullNumber);
}
