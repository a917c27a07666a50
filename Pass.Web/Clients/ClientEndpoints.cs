using Microsoft.AspNetCore.Http.HttpResults;
using Pass.Shared.Audit;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Pass.Shared.Tokens;
using Pass.Web.Api;
using Pass.Web.Audit;
using Pass.Web.Tokens;
using Pass.Web.Users;

namespace Pass.Web.Clients;

public static class ClientEndpoints
{
    public static IEndpointRouteBuilder MapClientEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(PassRoutes.Clients).WithTags("Clients")
            .RequireAuthorization(PassPolicies.Admin)
            .RequireAntiforgeryOnWrites();
        group.MapGet("/", async (ClientRegistry clients) => TypedResults.Ok(await clients.ListAsync()));
        group.MapGet("/{clientId}", FindAsync);
        group.MapPost("/", RegisterAsync);
        group.MapPut("/{clientId}", UpdateAsync);
        group.MapPost("/{clientId}/secret", RotateSecretAsync);
        group.MapPost("/{clientId}/disable", (string clientId, ClientRegistry clients, AuditLog audit) => SetDisabledAsync(clientId, true, clients, audit));
        group.MapPost("/{clientId}/enable", (string clientId, ClientRegistry clients, AuditLog audit) => SetDisabledAsync(clientId, false, clients, audit));
        group.MapPost("/{clientId}/revoke-tokens", RevokeTokensAsync);
        return routes;
    }

    public static async Task<Results<Ok<ClientSummary>, NotFound>> FindAsync(string clientId, ClientRegistry clients) =>
        await clients.FindAsync(clientId) is { } client ? TypedResults.Ok(client) : TypedResults.NotFound();

    public static async Task<Results<Created<ClientSecretResponse>, ValidationProblem>> RegisterAsync(RegisterClientRequest request, ClientRegistry clients, AuditLog audit)
    {
        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            return ApiExtensions.Invalid("displayName", "A display name is required.");
        }

        if (Validate(request.Grants ?? [], request.ReaderFormat is not null) is { } invalid)
        {
            return invalid;
        }

        var secret = await clients.RegisterAsync(request.DisplayName.Trim(), request.Grants ?? [], request.ReaderFormat);
        await audit.RecordAsync(AuditEventType.ClientRegistered, clientId: secret.ClientId, detail: string.Join(",", request.Grants ?? []));
        return TypedResults.Created($"{PassRoutes.Clients}/{secret.ClientId}", secret);
    }

    public static async Task<Results<Ok<ClientSummary>, NotFound, ValidationProblem>> UpdateAsync(string clientId, UpdateClientRequest request, ClientRegistry clients, AuditLog audit)
    {
        if (await clients.FindAsync(clientId) is not { } existing)
        {
            return TypedResults.NotFound();
        }

        if (Validate(request.Grants ?? existing.Grants, (request.ReaderFormat ?? existing.ReaderFormat) is not null) is { } invalid)
        {
            return invalid;
        }

        var updated = await clients.UpdateAsync(clientId, request);
        await audit.RecordAsync(AuditEventType.ClientUpdated, clientId: clientId, detail: string.Join(",", updated!.Grants));
        return TypedResults.Ok(updated);
    }

    public static async Task<Results<Ok<ClientSecretResponse>, NotFound>> RotateSecretAsync(string clientId, ClientRegistry clients, AuditLog audit)
    {
        if (await clients.RotateSecretAsync(clientId) is not { } secret)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(AuditEventType.ClientSecretRotated, clientId: clientId);
        return TypedResults.Ok(secret);
    }

    public static async Task<Results<NoContent, NotFound>> SetDisabledAsync(string clientId, bool disabled, ClientRegistry clients, AuditLog audit)
    {
        if (!await clients.SetDisabledAsync(clientId, disabled))
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(disabled ? AuditEventType.ClientDisabled : AuditEventType.ClientEnabled, clientId: clientId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<RevokeResult>, NotFound>> RevokeTokensAsync(string clientId, TokenAdministration tokens) =>
        await tokens.RevokeAllOfClientAsync(clientId) is { } count ? TypedResults.Ok(new RevokeResult(count)) : TypedResults.NotFound();

    private static ValidationProblem? Validate(IReadOnlyList<string> grants, bool hasReaderFormat)
    {
        if (grants.FirstOrDefault(g => !ClientRegistry.IsKnownGrant(g)) is { } unknown)
        {
            return ApiExtensions.Invalid("grants", $"Unknown grant '{unknown}'. Grants are {string.Join(", ", PassGrantTypes.All)}.");
        }

        if (grants.Contains(PassGrantTypes.Card) && !hasReaderFormat)
        {
            return ApiExtensions.Invalid("readerFormat", "A client that reads cards needs its reader format.");
        }

        return null;
    }
}
