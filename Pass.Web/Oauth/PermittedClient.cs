using System.Security.Claims;
using Pass.Shared.Oauth;
using Pass.Web.Clients;
using Pass.Web.Infrastructure;

namespace Pass.Web.Oauth;

/// <summary>
/// The rule of the seed's interfaces for subsystems (users, messages): the caller presents the client's own token
/// (client_credentials, not a person's) and the client holds the permission.
/// </summary>
public static class PermittedClient
{
    /// <summary>The calling client's id when it may, else null.</summary>
    public static async Task<string?> OfAsync(ClaimsPrincipal caller, string permission, ClientRegistry clients, CancellationToken ct) =>
        caller.FindFirstValue(PassBearerHandler.ClientIdClaim) is { } clientId
        && caller.FindFirstValue(PassClaims.Kind) == PassClaims.ClientKind
        && await clients.HasPermissionAsync(clientId, permission, ct)
            ? clientId
            : null;

    /// <summary>403 <c>unauthorized_client</c>, saying what <paramref name="doing"/> needs.</summary>
    public static IResult Refused(string doing, string permission) =>
        OAuthResults.Error(StatusCodes.Status403Forbidden, OAuthErrors.UnauthorizedClient,
            $"{doing} needs the client's own token (client_credentials) and the permission {permission}.");
}
