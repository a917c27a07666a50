using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Pass.Shared.Oauth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Pass.Web.Data;

namespace Pass.Web.Oauth;

/// <summary>
/// A grant whose code a person approved in the browser: OpenIddict has checked the code (and its redirect URI and
/// PKCE verifier, or its device); Pass checks the person may still sign in and issues fresh claims under the same
/// authorization.
/// </summary>
public abstract class ApprovedPersonGrant(PrincipalFactory principals) : ITokenGrant
{
    public abstract string GrantType { get; }

    /// <summary>What the audit log says of it.</summary>
    protected abstract string Detail { get; }

    public async Task<GrantOutcome> ExchangeAsync(OpenIddictRequest request, ClientProfile client, HttpContext context, CancellationToken ct)
    {
        var approved = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var userId = approved?.GetClaim(Claims.Subject);
        if (approved is null || await principals.FindActivePersonAsync(userId) is not { } user)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The account no longer exists or is locked.", userId);
        }

        var principal = await principals.ForPersonAsync(user, GrantType, approved.GetScopes(), approved.GetAuthorizationId(), approved);
        return GrantOutcome.Issue(principal, user.Id, Detail);
    }
}
