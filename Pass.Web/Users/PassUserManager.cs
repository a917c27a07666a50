using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Pass.Shared.Oauth;
using Pass.Shared.Problems;
using Pass.Web.Data;

namespace Pass.Web.Users;

/// <summary>
/// Identity's user manager, with the rules added where every path passes (the API, the pages, the account pages):
/// a deleted person's tokens are revoked at once, and no lock, delete or demotion may leave Pass without a working
/// (unlocked) administrator. Identity's own lockout after failed sign-ins writes the store directly and is not
/// refused: it ends by itself.
/// </summary>
public sealed class PassUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private readonly IServiceProvider _services = services;

    /// <summary>The <see cref="IdentityError.Code"/> of a refusal that would leave no working administrator.</summary>
    public static readonly string LastAdministratorCode = nameof(ProblemCode.LastAdministrator);

    private static IdentityError LastAdministrator => new() { Code = LastAdministratorCode, Description = ProblemTexts.English(ProblemCode.LastAdministrator) };

    /// <summary>A password the person chose themselves is no longer temporary, on every path that changes it.</summary>
    public override async Task<IdentityResult> ChangePasswordAsync(ApplicationUser user, string currentPassword, string newPassword)
    {
        var result = await base.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Succeeded && user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await UpdateAsync(user);
        }

        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(ApplicationUser user)
    {
        if (await IsLastWorkingAdministratorAsync(user))
        {
            return IdentityResult.Failed(LastAdministrator);
        }

        var result = await base.DeleteAsync(user);
        if (result.Succeeded)
        {
            await _services.GetRequiredService<IOpenIddictTokenManager>().RevokeBySubjectAsync(user.Id, CancellationToken);
        }

        return result;
    }

    public override async Task<IdentityResult> SetLockoutEndDateAsync(ApplicationUser user, DateTimeOffset? lockoutEnd)
    {
        if (lockoutEnd is { } end && end > Now && await IsLastWorkingAdministratorAsync(user))
        {
            return IdentityResult.Failed(LastAdministrator);
        }

        return await base.SetLockoutEndDateAsync(user, lockoutEnd);
    }

    public override async Task<IdentityResult> RemoveFromRoleAsync(ApplicationUser user, string role) =>
        await RemoveFromRolesAsync(user, [role]);

    public override async Task<IdentityResult> RemoveFromRolesAsync(ApplicationUser user, IEnumerable<string> roles)
    {
        var removed = roles.ToList();
        if (removed.Contains(PassRoles.Admin, StringComparer.OrdinalIgnoreCase) && await IsLastWorkingAdministratorAsync(user))
        {
            return IdentityResult.Failed(LastAdministrator);
        }

        return await base.RemoveFromRolesAsync(user, removed);
    }

    /// <summary>True when <paramref name="user"/> is an unlocked administrator and every other administrator is locked (or there is none).</summary>
    public async Task<bool> IsLastWorkingAdministratorAsync(ApplicationUser user)
    {
        var now = Now;
        var working = (await GetUsersInRoleAsync(PassRoles.Admin)).Where(u => !IsLocked(u, now)).ToList();
        return working.Any(u => u.Id == user.Id) && working.All(u => u.Id == user.Id);
    }

    private DateTimeOffset Now => _services.GetRequiredService<TimeProvider>().GetUtcNow();

    private static bool IsLocked(ApplicationUser user, DateTimeOffset now) => user.LockoutEnd is { } end && end > now;
}
