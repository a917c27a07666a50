using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pass.Shared.Oauth;
using Pass.Web.Data;

namespace Pass.Web.Users;

/// <summary>The portal cookie's claims: Identity's, and a mark while the person's password is a temporary one (see <see cref="TemporaryPasswords"/>).</summary>
public sealed class PassClaimsPrincipalFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PassClaims.TemporaryPassword, "true"));
        }

        return identity;
    }
}
