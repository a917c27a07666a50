using OpenIddict.Abstractions;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Oauth;
using Pass.Web.Data;

namespace Pass.Web.Cards;

/// <summary>A terminal reads a card and gets a token for the person it is bound to, reading the number in the terminal's configured format.</summary>
public sealed class CardGrant(CardService cards, PrincipalFactory principals) : ITokenGrant
{
    public string GrantType => PassGrantTypes.Card;

    public async Task<GrantOutcome> ExchangeAsync(OpenIddictRequest request, ClientProfile client, HttpContext context, CancellationToken ct)
    {
        if (client.ReaderFormat is not { } format)
        {
            return GrantOutcome.Reject(OAuthErrors.UnauthorizedClient, "This client has no card reader format configured.");
        }

        var typed = (string?)request.GetParameter(PassParameters.CardNumber);
        if (string.IsNullOrWhiteSpace(typed))
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidRequest, "The card_number parameter is required.");
        }

        var parsed = CardNumber.TryParse(typed, format);
        if (parsed.Number is not { } card)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidRequest, $"The card number is not valid for a {format} reader: {parsed.Reason}");
        }

        if (await cards.FindActiveAsync(card, ct) is not { } binding)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidGrant, $"Card {card.Masked} is not bound to anyone, or was reported lost or replaced.");
        }

        if (await principals.FindActivePersonAsync(binding.UserId) is not { } user)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The card holder's account is locked.", binding.UserId);
        }

        var principal = await principals.ForPersonAsync(user, GrantType, request.GetScopes(), binding.AuthorizationId);
        return GrantOutcome.Issue(principal, user.Id, $"card {card.Masked}");
    }
}
