using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Pass.Shared.Oauth;
using Pass.Web.Data;

namespace Pass.Web.Logout;

/// <summary>
/// The logout token of OIDC Back-Channel Logout 1.0 §2.4: a JWT of type <c>logout+jwt</c> signed with the key the
/// id_tokens use (the site checks it against the same JWKS), for the site's client id, with <c>sub</c>, <c>sid</c>
/// when one session ended, the back-channel logout event and no nonce.
/// </summary>
public sealed class LogoutTokens(IOptionsMonitor<OpenIddictServerOptions> server, TimeProvider time)
{
    public const string Event = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>A logout token's lifetime: the site may refuse an older one.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public string Create(LogoutNotice notice)
    {
        var signing = server.CurrentValue.SigningCredentials.First(c => c.Key is AsymmetricSecurityKey);
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = notice.UserId,
            [JwtRegisteredClaimNames.Jti] = notice.Id.ToString("N") + "." + notice.Attempts,
            ["events"] = new Dictionary<string, object> { [Event] = new Dictionary<string, object>() },
        };
        if (notice.SessionId is { } sid)
        {
            claims[PassClaims.SessionId] = sid;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = notice.Issuer,
            Audience = notice.ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = claims,
            SigningCredentials = signing,
            TokenType = "logout+jwt",
        });
    }
}
