using Microsoft.AspNetCore.Http.HttpResults;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;

namespace Pass.Web.Clients;

public static class ClientEndpoints
{
    public static IEndpointRouteBuilder MapClientEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(PassRoutes.Clients).WithTags("Clients")
            .RequireAuthorization(PassPolicies.Admin)
            .RequireAntiforgeryOnWrites();
        group.MapGet("/", async (IClientsAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)));
        group.MapGet("/{clientId}", async Task<Results<Ok<ClientSummary>, NotFound>> (string clientId, ClientRegistry clients) =>
            await clients.FindAsync(clientId) is { } client ? TypedResults.Ok(client) : TypedResults.NotFound());
        group.MapPost("/", async (RegisterClientRequest request, IClientsAdmin admin, CancellationToken ct) =>
            (await admin.RegisterAsync(request, ct)).ToHttp(secret => TypedResults.Created($"{PassRoutes.Clients}/{secret.ClientId}", secret)));
        group.MapPut("/{clientId}", async (string clientId, UpdateClientRequest request, IClientsAdmin admin, CancellationToken ct) =>
            (await admin.UpdateAsync(clientId, request, ct)).ToHttp(TypedResults.Ok));
        group.MapPost("/{clientId}/secret", async (string clientId, IClientsAdmin admin, CancellationToken ct) =>
            (await admin.RotateSecretAsync(clientId, ct)).ToHttp(TypedResults.Ok));
        group.MapPost("/{clientId}/disable", (string clientId, IClientsAdmin admin, CancellationToken ct) => SetDisabledAsync(clientId, true, admin, ct));
        group.MapPost("/{clientId}/enable", (string clientId, IClientsAdmin admin, CancellationToken ct) => SetDisabledAsync(clientId, false, admin, ct));
        return routes;
    }

    private static async Task<Results<NoContent, NotFound>> SetDisabledAsync(string clientId, bool disabled, IClientsAdmin admin, CancellationToken ct) =>
        await admin.SetDisabledAsync(clientId, disabled, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
