using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Pass.Shared.Oauth;
using Pass.Web.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Oauth;

/// <summary>Builds the principals tokens are issued for: a person, or a terminal acting as itself.</summary>
public sealed class PrincipalFactory(UserManager<ApplicationUser> users)
{
    public static ClaimsPrincipal ForClient(string clientId, string? displayName, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName ?? clientId)
            .SetClaim(PassClaims.Kind, PassClaims.ClientKind)
            .SetClaim(PassClaims.Grant, PassGrantTypes.ClientCredentials);
        identity.SetScopes(scopes);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    public async Task<ClaimsPrincipal> ForPersonAsync(ApplicationUser user, string grant, IEnumerable<string> scopes, string? authorizationId)
    {
        var identity = NewIdentity();
        var scopeList = scopes.ToList();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName)
            .SetClaim(PassClaims.Kind, PassClaims.PersonKind)
            .SetClaim(PassClaims.Grant, grant);
        if (scopeList.Contains(Scopes.Email))
        {
            identity.SetClaim(Claims.Email, user.Email);
        }

        if (scopeList.Contains(Scopes.Phone))
        {
            identity.SetClaim(Claims.PhoneNumber, user.PhoneNumber);
        }

        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.SetScopes(scopeList);
        identity.SetAuthorizationId(authorizationId);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject or Claims.Name or Claims.Email or Claims.PhoneNumber when scopeList.Contains(Scopes.OpenId) =>
                [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    /// <summary>A person may get tokens while the account exists and is not locked.</summary>
    public async Task<ApplicationUser?> FindActivePersonAsync(string? userId)
    {
        if (string.IsNullOrEmpty(userId) || await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        return await users.IsLockedOutAsync(user) ? null : user;
    }

    private static ClaimsIdentity NewIdentity() =>
        new(authenticationType: "Pass", nameType: Claims.Name, roleType: Claims.Role);
}
