using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Pass.Web.Data;

namespace Pass.Web.Users;

/// <summary>
/// Identity's user manager, with one rule added where every path passes: a deleted person's tokens are
/// revoked at once, whether an administrator or the person (the account page's "delete my data") deleted it.
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

    public override async Task<IdentityResult> DeleteAsync(ApplicationUser user)
    {
        var result = await base.DeleteAsync(user);
        if (result.Succeeded)
        {
            await _services.GetRequiredService<IOpenIddictTokenManager>().RevokeBySubjectAsync(user.Id, CancellationToken);
        }

        return result;
    }
}
