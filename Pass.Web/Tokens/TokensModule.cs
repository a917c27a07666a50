using Pass.Shared.Tokens;

namespace Pass.Web.Tokens;

/// <summary>Live tokens as people and administrators see them: list, revoke one, all of a person, all of a client.</summary>
public static class TokensModule
{
    public static WebApplicationBuilder AddTokens(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TokenAdministration>()
            .AddScoped<ITokensAdmin, ServerTokensAdmin>()
            .AddScoped<IMyTokensService, ServerMyTokensService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTokens(this IEndpointRouteBuilder routes) => routes.MapTokenEndpoints();
}
