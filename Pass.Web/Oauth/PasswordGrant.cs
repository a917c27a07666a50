using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Pass.Shared.Oauth;
using Pass.Web.Data;
using Pass.Web.Users;

namespace Pass.Web.Oauth;

/// <summary>RFC 6749 §4.3, only for first-party clients an administrator allowed it (OpenIddict enforces the permission).</summary>
public sealed class PasswordGrant(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, PrincipalFactory principals) : ITokenGrant
{
    private const string Refused = "The user name or password is incorrect.";

    public string GrantType => PassGrantTypes.Password;

    public bool ChecksPassword => true;

    public async Task<GrantOutcome> ExchangeAsync(OpenIddictRequest request, ClientProfile client, HttpContext context, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidRequest, "The username and password parameters are required.");
        }

        var user = await users.FindByNameAsync(request.Username) ?? await users.FindByEmailAsync(request.Username);
        if (user is null)
        {
            UnknownAccountTiming.SpendVerification(users, request.Password);
            return GrantOutcome.Reject(OAuthErrors.InvalidGrant, Refused);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidGrant, Refused, user.Id);
        }

        return GrantOutcome.Issue(await principals.ForPersonAsync(user, GrantType, request.GetScopes(), null), user.Id);
    }
}
