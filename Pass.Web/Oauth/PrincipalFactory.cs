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

    /// <summary>
    /// A person's tokens. <paramref name="session"/> is the sign-in they come from (the portal cookie, or the code or
    /// refresh token carrying it): its <c>auth_time</c>, <c>amr</c> and <c>sid</c> go into the id_token.
    /// </summary>
    public async Task<ClaimsPrincipal> ForPersonAsync(ApplicationUser user, string grant, IEnumerable<string> scopes, string? authorizationId,
        ClaimsPrincipal? session = null)
    {
        var identity = NewIdentity();
        var scopeList = scopes.ToList();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(PassClaims.Kind, PassClaims.PersonKind)
            .SetClaim(PassClaims.Grant, grant);
        var released = new HashSet<string>(StringComparer.Ordinal) { Claims.Subject };
        foreach (var (type, value) in ScopeClaims.For(user, scopeList))
        {
            _ = value is bool flag ? identity.SetClaim(type, flag) : identity.SetClaim(type, (string)value);
            released.Add(type);
        }

        // check_token and the portal name the holder of any person's token, whatever its scopes.
        if (!identity.HasClaim(c => c.Type == Claims.Name))
        {
            identity.SetClaim(Claims.Name, ScopeClaims.NameOf(user));
        }

        if (session is not null)
        {
            CarrySession(session, identity);
            released.UnionWith([Claims.AuthenticationTime, Claims.AuthenticationMethodReference, PassClaims.SessionId]);
        }

        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.SetScopes(scopeList);
        identity.SetAuthorizationId(authorizationId);
        var openId = scopeList.Contains(Scopes.OpenId);
        identity.SetDestinations(claim => openId && released.Contains(claim.Type)
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// Copies the sign-in's time, methods and session id. The portal cookie of a sign-in older than these claims has
    /// only its issue time.
    /// </summary>
    private static void CarrySession(ClaimsPrincipal session, ClaimsIdentity identity)
    {
        var authTime = session.GetClaim(Claims.AuthenticationTime);
        if (authTime is not null && long.TryParse(authTime, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            identity.SetClaim(Claims.AuthenticationTime, seconds);
        }

        var methods = session.GetClaims(Claims.AuthenticationMethodReference);
        if (methods.Length > 0)
        {
            string[] list = methods.Contains(SignInMethods.MultiFactor) || methods.Length < 2 ? [.. methods] : [.. methods, SignInMethods.MultiFactor];
            identity.SetClaims(Claims.AuthenticationMethodReference, [.. list]);
        }

        if (session.GetClaim(PassClaims.SessionId) is { } sid)
        {
            identity.SetClaim(PassClaims.SessionId, sid);
        }
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
