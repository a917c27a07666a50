using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pass.Shared;
using Pass.Shared.Oauth;
using Pass.Shared.Tokens;
using Pass.Web.Infrastructure;

namespace Pass.Web.Tokens;

public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup(PassRoutes.Tokens).WithTags("Tokens")
            .RequireAuthorization(PassPolicies.Admin)
            .RequireAntiforgeryOnWrites();
        admin.MapGet("/", ListAsync);
        admin.MapDelete("/{id}", RevokeAsync);
        admin.MapPost("/users/{userId}/revoke", async (string userId, TokenAdministration tokens) =>
            TypedResults.Ok(new RevokeResult(await tokens.RevokeAllOfUserAsync(userId))));
        admin.MapPost("/clients/{clientId}/revoke", async Task<Results<Ok<RevokeResult>, NotFound>> (string clientId, TokenAdministration tokens) =>
            await tokens.RevokeAllOfClientAsync(clientId) is { } count ? TypedResults.Ok(new RevokeResult(count)) : TypedResults.NotFound());

        var me = routes.MapGroup(PassRoutes.Me + "/tokens").WithTags("My account")
            .RequireAuthorization(PassPolicies.PortalUser)
            .RequireAntiforgeryOnWrites();
        me.MapGet("/", async (IMyTokensService mine, CancellationToken ct, int page = 0) => TypedResults.Ok(await mine.ListAsync(page, ct)));
        me.MapDelete("/{id}", async Task<Results<NoContent, NotFound>> (string id, IMyTokensService mine, CancellationToken ct) =>
            await mine.RevokeAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
        me.MapPost("/revoke-all", async (IMyTokensService mine, CancellationToken ct) => TypedResults.Ok(new RevokeResult(await mine.RevokeAllAsync(ct))));
        return routes;
    }

    public static async Task<Ok<PagedResult<TokenView>>> ListAsync(TokenAdministration tokens, string? userId, string? clientId, bool activeOnly = true, int page = 0, int pageSize = 50) =>
        TypedResults.Ok(await tokens.ListAsync(new TokenQuery(userId, clientId, activeOnly, page, pageSize)));

    public static async Task<Results<NoContent, NotFound>> RevokeAsync(string id, TokenAdministration tokens) =>
        await tokens.RevokeAsync(id, null) ? TypedResults.NoContent() : TypedResults.NotFound();
}
