using OpenIddict.Abstractions;
using Pass.Shared.Oauth;
using Pass.Web.Data;

namespace Pass.Web.Oauth;

/// <summary>RFC 6749 §4.4: a terminal authenticates as itself (the seed's 终端方式授权).</summary>
public sealed class ClientCredentialsGrant(IOpenIddictApplicationManager applications) : ITokenGrant
{
    public string GrantType => PassGrantTypes.ClientCredentials;

    public async Task<GrantOutcome> ExchangeAsync(OpenIddictRequest request, ClientProfile client, HttpContext context, CancellationToken ct)
    {
        if (request.HasScope(OpenIddict.Abstractions.OpenIddictConstants.Scopes.OpenId))
        {
            // An id_token says who a person is; a terminal acting as itself is nobody.
            return GrantOutcome.Reject(OAuthErrors.InvalidScope, "The openid scope needs a person: client_credentials issues no id_token.");
        }

        var app = await applications.FindByClientIdAsync(request.ClientId!, ct);
        var name = app is null ? null : await applications.GetDisplayNameAsync(app, ct);
        return GrantOutcome.Issue(PrincipalFactory.ForClient(request.ClientId!, name, request.GetScopes()), null);
    }
}
