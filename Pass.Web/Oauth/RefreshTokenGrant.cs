using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Pass.Shared.Oauth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Pass.Web.Data;

namespace Pass.Web.Oauth;

/// <summary>
/// RFC 6749 §6. OpenIddict has already validated the refresh token, rotated it and detected reuse;
/// Pass re-checks that the person may still get tokens and refreshes their claims.
/// </summary>
public sealed class RefreshTokenGrant(PrincipalFactory principals) : ITokenGrant
{
    public string GrantType => PassGrantTypes.RefreshToken;

    public async Task<GrantOutcome> ExchangeAsync(OpenIddictRequest request, ClientProfile client, HttpContext context, CancellationToken ct)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The refresh token is no longer valid.");
        }

        if (principal.GetClaim(PassClaims.Kind) == PassClaims.ClientKind)
        {
            return GrantOutcome.Issue(principal, null);
        }

        var userId = principal.GetClaim(Claims.Subject);
        if (await principals.FindActivePersonAsync(userId) is not { } user)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The account no longer exists or is locked.", userId);
        }

        var grant = principal.GetClaim(PassClaims.Grant) ?? GrantType;
        var refreshed = await principals.ForPersonAsync(user, grant, principal.GetScopes(), principal.GetAuthorizationId(), principal);
        return GrantOutcome.Issue(refreshed, user.Id);
    }
}
