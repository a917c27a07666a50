using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Pass.Shared.Oauth;
using Pass.Web.Data;

namespace Pass.Web.Users;

/// <summary>
/// The one rule for "is this request an administrator's": the person behind it holds the Admin role now. The portal
/// cookie carries the roles as claims, refreshed by the security-stamp validator every minute (a role change updates
/// the stamp), so for a cookie the claim answers, as it does for the Admin and Helpdesk policies and the pages. A
/// bearer token carries no role: for a person's token the store answers; a client's own token is nobody's.
/// </summary>
public sealed class Administrators(UserManager<ApplicationUser> users)
{
    public async Task<bool> IsAdministratorAsync(ClaimsPrincipal caller)
    {
        if (caller.IsInRole(PassRoles.Admin))
        {
            return true;
        }

        return caller.FindFirstValue(PassClaims.Kind) == PassClaims.PersonKind
            && caller.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            && await users.FindByIdAsync(id) is { } person
            && await users.IsInRoleAsync(person, PassRoles.Admin);
    }
}
