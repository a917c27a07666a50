using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Oauth;

namespace Pass.Web.Cards;

/// <summary>Physical cards: binding at the helpdesk, "my cards", and the card grant a terminal exchanges a read card with.</summary>
public static class CardsModule
{
    public static WebApplicationBuilder AddCards(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CardService>()
            .AddScoped<IMyCardsService, ServerMyCardsService>()
            .AddScoped<ICardDeskService, ServerCardDeskService>()
            .AddTokenGrant<CardGrant>(PassGrantTypes.Card);
        return builder;
    }

    public static IEndpointRouteBuilder MapCards(this IEndpointRouteBuilder routes) => routes.MapCardEndpoints();
}
