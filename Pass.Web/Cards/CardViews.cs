using Microsoft.AspNetCore.Identity;
using Pass.Shared;
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

    /// <summary>What a card action did, as the desk and the API report it: the binding as a view, or the same refusal.</summary>
    public static Task<Outcome<CardBindingView>> ViewAsync(this Outcome<CardBinding> outcome, UserManager<ApplicationUser> users, bool fullNumber) =>
        outcome.SelectAsync(binding => OneAsync(binding, users, fullNumber));

    public static async Task<CardBindingView> OneAsync(CardBinding binding, UserManager<ApplicationUser> users, bool fullNumber)
    {
        var owner = await users.FindByIdAsync(binding.UserId);
        return new CardBindingView(binding.Id, binding.MaskedNumber, fullNumber ? binding.CardNumber : null, binding.UserId,
            owner?.DisplayName, binding.Status, binding.BoundAt, binding.EndedAt, binding.ReplacedBy);
    }
}
