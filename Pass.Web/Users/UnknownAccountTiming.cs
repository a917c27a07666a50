using Microsoft.AspNetCore.Identity;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

/// <summary>
/// Verifies a password against a throw-away hash when the account does not exist, so that a refusal takes
/// as long as a wrong password and the answer's timing does not tell whether the account exists.
/// </summary>
public static class UnknownAccountTiming
{
    private static readonly string DummyHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Secrets.NewToken());

    public static void SpendVerification(UserManager<ApplicationUser> users, string password) =>
        users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DummyHash, password);
}
