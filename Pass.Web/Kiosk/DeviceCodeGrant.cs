using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Pass.Shared.Oauth;
using Pass.Web.Clients;
using Pass.Web.Oauth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Kiosk;

/// <summary>
/// RFC 8628 §3.4: the kiosk redeems its device code. OpenIddict has already answered authorization_pending,
/// access_denied or expired_token; here the code is approved, and the person must still be allowed in.
/// </summary>
public sealed class DeviceCodeGrant(PrincipalFactory principals) : ITokenGrant
{
    public string GrantType => PassGrantTypes.DeviceCode;

    public async Task<GrantOutcome> ExchangeAsync(OpenIddictRequest request, ClientProfile client, HttpContext context, CancellationToken ct)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var userId = result.Principal?.GetClaim(Claims.Subject);
        if (await principals.FindActivePersonAsync(userId) is not { } user)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The account no longer exists or is locked.", userId);
        }

        var principal = await principals.ForPersonAsync(user, GrantType, result.Principal!.GetScopes(), authorizationId: null);
        return GrantOutcome.Issue(principal, user.Id, "kiosk");
    }
}
