using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Api;
using Pass.Web.Clients;
using Pass.Web.Users;

namespace Pass.Web.QrLogin;

/// <summary>The portal's "My QR code": the server picks the session id; the page watches the status.</summary>
public static class MyQrEndpoints
{
    public static IEndpointRouteBuilder MapMyQrEndpoints(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup(PassRoutes.Me + "/qr").WithTags("My account")
            .RequireAuthorization(PassPolicies.PortalUser)
            .RequireAntiforgeryOnWrites();
        me.MapPost("/", CreateAsync);
        me.MapGet("/{session}", FindAsync);
        return routes;
    }

    public static async Task<Results<Ok<PortalQrCode>, ProblemHttpResult>> CreateAsync(ClaimsPrincipal user, QrLoginService qr, TimeProvider time)
    {
        var session = "portal-" + Guid.NewGuid().ToString("N");
        var result = await qr.CreateAsync(session, user.UserId(), clientId: null);
        return result.Outcome == QrCreateOutcome.Created
            ? TypedResults.Ok(new PortalQrCode(session, result.AuthCode!, result.ExpiresIn, time.GetUtcNow().AddSeconds(result.ExpiresIn)))
            : ApiExtensions.Problem(StatusCodes.Status409Conflict, "Could not create a QR session; try again.");
    }

    public static async Task<Results<Ok<QrSessionView>, NotFound>> FindAsync(string session, ClaimsPrincipal user, QrLoginService qr, ClientRegistry clients)
    {
        if (await qr.FindForViewerAsync(session, user.UserId(), user.IsInRole(PassRoles.Admin)) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var clientName = found.RedeemedByClientId is { } clientId ? await clients.DisplayNameAsync(clientId) : null;
        return TypedResults.Ok(new QrSessionView(found.Session, qr.StatusOf(found), found.CreatedAt, found.ExpiresAt,
            found.RedeemedByClientId, clientName, found.RedeemedAt));
    }
}
