using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Oauth;

/// <summary>
/// "Sign in with Pass" for web subsystems (OIDC authorization code with PKCE, through OpenIddict): the authorize
/// endpoint with its consent, userinfo, and sign-out.
/// </summary>
public static class SignInWithPass
{
    public const string Decision = "decision";
    public const string Accept = "accept";
    public const string Deny = "deny";

    public static IEndpointRouteBuilder MapSignInWithPass(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(PassRoutes.Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync)
            .WithTags("OAuth").WithSummary("OIDC authorization endpoint: code flow with PKCE (S256); asks the person to sign in and consent.")
            .AllowAnonymous().DisableAntiforgery();
        routes.MapMethods(PassRoutes.UserInfo, [HttpMethods.Get, HttpMethods.Post], UserInfoAsync)
            .WithTags("OAuth").WithSummary("OIDC userinfo: sub, and name, email, phone as the token's scopes allow.")
            .AllowAnonymous().DisableAntiforgery();
        routes.MapMethods(PassRoutes.EndSession, [HttpMethods.Get, HttpMethods.Post], SignOutAsync)
            .WithTags("OAuth").WithSummary("OIDC RP-initiated sign-out; returns to a registered post_logout_redirect_uri.")
            .AllowAnonymous().DisableAntiforgery();
        return routes;
    }

    public static async Task<IResult> AuthorizeAsync(
        HttpContext context,
        IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations,
        PrincipalFactory principals,
        IAntiforgery antiforgery,
        AuditLog audit,
        TimeProvider time)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle the authorization request.");
        var decision = await DecisionAsync(context, antiforgery);
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || (request.HasPromptValue(PromptValues.Login) && decision is null) || TooOld(request, cookie, time.GetUtcNow()))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The person is not signed in to Pass.");
            }

            // Back here after signing in, without prompt=login or max_age, which the new sign-in has met and which
            // would ask again forever (max_age=0 always would).
            var parameters = request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt || !request.HasPromptValue(PromptValues.Login))
                .Where(p => p.Key != Parameters.MaxAge)
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = PassRoutes.Authorize + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        if (await principals.FindActivePersonAsync(cookie.Principal!.FindFirstValue(ClaimTypes.NameIdentifier)) is not { } user)
        {
            return Refuse(Errors.AccessDenied, "The account is locked.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("OpenIddict validated an unknown client.");
        var applicationId = (await applications.GetIdAsync(application))!;
        var scopes = request.GetScopes();
        var granted = new List<object>();
        await foreach (var authorization in authorizations.FindAsync(user.Id, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes))
        {
            granted.Add(authorization);
        }

        if (decision == Deny)
        {
            await audit.RecordAsync(AuditEventType.ConsentDenied, user.Id, request.ClientId);
            return Refuse(Errors.AccessDenied, "The person did not allow the sign-in.");
        }

        var consented = decision == Accept
            || await applications.GetConsentTypeAsync(application) == ConsentTypes.Implicit
            || (granted.Count > 0 && !request.HasPromptValue(PromptValues.Consent));
        if (!consented)
        {
            return request.HasPromptValue(PromptValues.None)
                ? Refuse(Errors.ConsentRequired, "The person has not allowed this client yet.")
                : Results.Redirect(PassRoutes.Consent + QueryString.Create(request.GetParameters().Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))));
        }

        var principal = await principals.ForPersonAsync(user, PassGrantTypes.AuthorizationCode, scopes, authorizationId: null, SessionOf(cookie));
        var kept = granted.LastOrDefault()
            ?? await authorizations.CreateAsync(principal, user.Id, applicationId, AuthorizationTypes.Permanent, principal.GetScopes());
        principal.SetAuthorizationId(await authorizations.GetIdAsync(kept));
        if (decision == Accept)
        {
            await audit.RecordAsync(AuditEventType.ConsentGiven, user.Id, request.ClientId, AuditDetail.Of(AuditDetailCode.Scopes, string.Join(' ', scopes)));
        }

        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<ApplicationUser> users)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (principal is null || await users.FindByIdAsync(principal.GetClaim(Claims.Subject) ?? "") is not { } user)
        {
            return Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token no longer names a person.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        foreach (var (type, value) in ScopeClaims.For(user, [.. principal.GetScopes()]))
        {
            claims[type] = value;
        }

        return Results.Ok(claims);
    }

    /// <summary>
    /// Ends the Pass session (the sites that take back-channel notices hear from the outbox). Sites that asked for
    /// front-channel logout are loaded in the sign-out page first, which then goes on to the site's validated
    /// post_logout_redirect_uri.
    /// </summary>
    public static async Task<IResult> SignOutAsync(HttpContext context, SignInManager<ApplicationUser> signIn, Logout.FrontchannelLogout frontchannel)
    {
        var frames = await frontchannel.FramesAsync(context.User);
        await signIn.SignOutAsync();
        if (frames.Count == 0)
        {
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        // OpenIddict has checked post_logout_redirect_uri against the client before this endpoint runs.
        var request = context.GetOpenIddictServerRequest();
        var next = request?.PostLogoutRedirectUri is { } back
            ? (request.State is { } state ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(back, Parameters.State, state) : back)
            : "/";
        return frontchannel.Page(context, frames, next);
    }

    /// <summary>The consent page's answer, only from a form that carries this site's antiforgery token.</summary>
    private static async Task<string?> DecisionAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType || !context.Request.Form.TryGetValue(Decision, out var value))
        {
            return null;
        }

        return await antiforgery.IsRequestValidAsync(context) && value.ToString() is Accept or Deny ? value.ToString() : null;
    }

    /// <summary>max_age (OIDC Core §3.1.2.1): a sign-in older than asked for must be repeated.</summary>
    private static bool TooOld(OpenIddictRequest request, AuthenticateResult cookie, DateTimeOffset now) =>
        request.MaxAge is { } maxAge && now - AuthTime(cookie) > TimeSpan.FromSeconds(maxAge);

    /// <summary>When the person signed in: the cookie's <c>auth_time</c>, or for a cookie older than that claim its issue time.</summary>
    private static DateTimeOffset AuthTime(AuthenticateResult cookie) =>
        long.TryParse(cookie.Principal?.FindFirstValue(Claims.AuthenticationTime), System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : cookie.Properties?.IssuedUtc ?? DateTimeOffset.UnixEpoch;

    private static ClaimsPrincipal SessionOf(AuthenticateResult cookie)
    {
        var session = new ClaimsIdentity(cookie.Principal!.Claims.Where(c => PassSignInManager.SessionClaimTypes.Contains(c.Type)));
        if (!session.HasClaim(c => c.Type == Claims.AuthenticationTime))
        {
            session.AddClaim(new Claim(Claims.AuthenticationTime, AuthTime(cookie).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(session);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
