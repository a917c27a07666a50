using Microsoft.AspNetCore.Identity;
using Pass.Shared.Cards;
using Pass.Web.Data;

namespace Pass.Web.Cards;

/// <summary>Card bindings as the portal shows them: the full number only to the helpdesk.</summary>
public static class CardViews
{
    public static async Task<List<CardBindingView>> ManyAsync(IEnumerable<CardBinding> bindings, UserManager<ApplicationUser> users, bool fullNumber)
    {
        var views = new List<CardBindingView>();
        foreach (var binding in bindings)
        {
            views.Add(await OneAsync(binding, users, fullNumber));
        }

        return views;
    }

    /// <summary>What a card action did, as the desk and the API report it.</summary>
    public static async Task<CardDeskResult> ResultAsync(CardResult result, UserManager<ApplicationUser> users, bool fullNumber)
    {
        var view = result.Binding is null ? null : await OneAsync(result.Binding, users, fullNumber);
        return result.Outcome switch
        {
            CardOutcome.Done => new CardDeskResult(CardDeskOutcome.Done, view),
            CardOutcome.InvalidNumber => new CardDeskResult(CardDeskOutcome.Invalid, Reason: result.Reason, Code: result.Code),
            CardOutcome.UserNotFound => new CardDeskResult(CardDeskOutcome.PersonNotFound),
            CardOutcome.NotFound => new CardDeskResult(CardDeskOutcome.NotFound),
            CardOutcome.NotActive or CardOutcome.SameCard => new CardDeskResult(CardDeskOutcome.NotActive, view, result.Reason,
                Code: result.Code ?? Pass.Shared.Problems.ProblemCode.CardBindingEnded),
            CardOutcome.ReportedLost => new CardDeskResult(CardDeskOutcome.ReportedLost, view, result.Reason, result.BoundToMaskedName, result.Binding?.Id,
                result.Binding?.EndedAt, Pass.Shared.Problems.ProblemCode.CardReportedLost),
            _ => new CardDeskResult(CardDeskOutcome.AlreadyBound, view, result.Reason, result.BoundToMaskedName, result.Binding?.Id,
                Code: Pass.Shared.Problems.ProblemCode.CardAlreadyBound),
        };
    }

    public static async Task<CardBindingView> OneAsync(CardBinding binding, UserManager<ApplicationUser> users, bool fullNumber)
    {
        var owner = await users.FindByIdAsync(binding.UserId);
        return new CardBindingView(binding.Id, binding.MaskedNumber, fullNumber ? binding.CardNumber : null, binding.UserId,
            owner?.DisplayName, binding.Status, binding.BoundAt, binding.EndedAt, binding.ReplacedBy);
    }
}
