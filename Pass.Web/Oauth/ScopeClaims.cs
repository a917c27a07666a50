using Pass.Web.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Oauth;

/// <summary>
/// What each scope tells a site about the person (OIDC Core §5.4): one table for the id_token and userinfo alike, so
/// the consent page's promise holds in both. <c>openid</c> alone gives only the account id (<c>sub</c>).
/// </summary>
public static class ScopeClaims
{
    public static IEnumerable<KeyValuePair<string, object>> For(ApplicationUser user, IReadOnlyCollection<string> scopes)
    {
        if (scopes.Contains(Scopes.Profile))
        {
            yield return new(Claims.Name, NameOf(user));
            yield return new(Claims.PreferredUsername, user.UserName ?? user.Id);
        }

        if (scopes.Contains(Scopes.Email) && user.Email is { } email)
        {
            yield return new(Claims.Email, email);
            yield return new(Claims.EmailVerified, user.EmailConfirmed);
        }

        if (scopes.Contains(Scopes.Phone) && user.PhoneNumber is { } phone)
        {
            yield return new(Claims.PhoneNumber, phone);
            yield return new(Claims.PhoneNumberVerified, user.PhoneNumberConfirmed);
        }
    }

    /// <summary>What Pass calls the person: their display name, else their user name.</summary>
    public static string NameOf(ApplicationUser user) => string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName;

    /// <summary>Every claim Pass may put in an id_token or a userinfo answer (discovery's <c>claims_supported</c>).</summary>
    public static readonly IReadOnlyList<string> Supported =
    [
        Claims.Subject, Claims.Issuer, Claims.Audience, Claims.ExpiresAt, Claims.IssuedAt, Claims.Nonce,
        Claims.AuthenticationTime, Claims.AuthenticationMethodReference, Pass.Shared.Oauth.PassClaims.SessionId, Claims.AuthorizedParty,
        Claims.Name, Claims.PreferredUsername, Claims.Email, Claims.EmailVerified, Claims.PhoneNumber, Claims.PhoneNumberVerified,
    ];
}
