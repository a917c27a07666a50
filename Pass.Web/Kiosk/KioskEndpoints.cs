using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Pass.Shared.Audit;
using Pass.Shared.Kiosk;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Oauth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Kiosk;

/// <summary>
/// "Scan to sign in on this screen": the phone's approve / deny (RFC 8628 end-user verification, through OpenIddict),
/// the kiosk's event stream, and the step that turns the kiosk's one-time token into its browser's sign-in.
/// </summary>
public static class KioskEndpoints
{
    public const string Approve = "approve";
    public const string Deny = "deny";

    public static IEndpointRouteBuilder MapKioskEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(PassRoutes.KioskDecide, DecideAsync)
            .RequireAuthorization(PassPolicies.PortalUser)
            .ExcludeFromDescription();
        var kiosk = routes.MapGroup("").WithTags("Kiosk sign-in").AllowAnonymous();
        kiosk.MapPost(PassRoutes.KioskEvents, WatchAsync)
            .WithSummary("Where a kiosk's request stands now, then each change, as server-sent events; ends once decided or expired.")
            .DisableAntiforgery()
            .EndsOnShutdown();
        kiosk.MapPost(PassRoutes.KioskSession, SignInAsync)
            .WithSummary("Turns the kiosk's access token (device code grant) into this browser's sign-in; the token is spent.")
            .RequireAntiforgeryOnWrites();
        return routes;
    }

    /// <summary>The phone's decision. OpenIddict has already read and checked the user code in the form.</summary>
    public static async Task<IResult> DecideAsync(
        HttpContext context,
        [FromForm(Name = "decision")] string? decision,
        PrincipalFactory principals,
        KioskSignInNotifier notifier,
        AuditLog audit)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } request || string.IsNullOrEmpty(request.GetClaim(Claims.ClientId)))
        {
            return TypedResults.LocalRedirect($"{PassRoutes.KioskVerify}?error=invalid");
        }

        var detail = AuditDetail.Of(AuditDetailCode.KioskDevice, request.GetClaim(PassClaims.DeviceName), request.GetClaim(PassClaims.DeviceAddress));
        var userId = context.User.UserId();
        switch (decision)
        {
            case Approve when await principals.FindActivePersonAsync(userId) is { } user:
                var principal = await principals.ForPersonAsync(user, PassGrantTypes.DeviceCode, request.GetScopes(), authorizationId: null);
                await context.SignInAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, principal, Done(KioskSignInStatus.Approved));
                await audit.RecordAsync(AuditEventType.KioskSignInApproved, userId, KioskClient.ClientId, detail);
                break;
            case Approve or Deny:
                await context.ForbidAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Done(KioskSignInStatus.Denied));
                await audit.RecordAsync(AuditEventType.KioskSignInDenied, userId, KioskClient.ClientId, detail);
                break;
            default:
                return ApiExtensions.Invalid("decision", $"The decision is '{Approve}' or '{Deny}'.");
        }

        if (request.GetClaim(Claims.Private.DeviceCodeId) is { } deviceCodeId)
        {
            notifier.Publish(deviceCodeId);
        }

        return Results.Empty;
    }

    public static async Task<Results<ServerSentEventsResult<KioskStatusView>, NotFound>> WatchAsync(
        KioskWatchRequest request, KioskRequests requests, KioskSignInNotifier notifier, TimeProvider time, CancellationToken ct)
    {
        if (await requests.FindAsync(request.DeviceCode, ct) is not { } id)
        {
            return TypedResults.NotFound();
        }

        var states = notifier.FollowAsync(id, token => requests.StatusAsync(id, token),
            view => view.Status is KioskSignInStatus.Pending ? view.ExpiresAt : null, time, ct);
        return TypedResults.ServerSentEvents(states, PassEvents.Status);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(
        HttpContext context,
        TokenChecker checker,
        IOpenIddictTokenManager tokens,
        PrincipalFactory principals,
        SignInManager<ApplicationUser> signIn,
        AuditLog audit,
        CancellationToken ct)
    {
        const string refused = "A live access token of the kiosk client, issued for a person, is required.";
        if (BearerToken.From(context.Request) is not { } token
            || await checker.CheckAsync(token, ct) is not { IsPerson: true, ClientId: KioskClient.ClientId } issued)
        {
            return ApiExtensions.Problem(StatusCodes.Status401Unauthorized, refused);
        }

        // The token only carries the approval into this browser: it is spent here, once, even when two calls race.
        if (await tokens.FindByReferenceIdAsync(token, ct) is not { } entry || !await tokens.TryRevokeAsync(entry, ct))
        {
            return ApiExtensions.Problem(StatusCodes.Status401Unauthorized, refused);
        }

        if (await principals.FindActivePersonAsync(issued.Subject) is not { } user)
        {
            return ApiExtensions.Problem(StatusCodes.Status401Unauthorized, "The account no longer exists or is locked.");
        }

        // A session cookie: closing the kiosk's browser ends it.
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: SignInMethods.KioskQr);
        await audit.RecordAsync(AuditEventType.KioskSignIn, user.Id, KioskClient.ClientId, AuditDetail.Of(AuditDetailCode.Kiosk));
        return TypedResults.NoContent();
    }

    private static AuthenticationProperties Done(KioskSignInStatus status) =>
        new() { RedirectUri = $"{PassRoutes.KioskVerify}?result={status.ToString().ToLowerInvariant()}" };
}
