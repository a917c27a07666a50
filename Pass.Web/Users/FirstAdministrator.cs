using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pass.Shared.Oauth;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

/// <summary>At start, after the migration: the roles, and the first administrator when no administrator exists.</summary>
public sealed class FirstAdministrator(
    IServiceScopeFactory scopes,
    IOptions<BootstrapOptions> bootstrap,
    TimeProvider time,
    ILogger<FirstAdministrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await SeedRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        await SeedAdministratorAsync(services.GetRequiredService<UserManager<ApplicationUser>>());
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static async Task SeedRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in PassRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private async Task SeedAdministratorAsync(UserManager<ApplicationUser> users)
    {
        if ((await users.GetUsersInRoleAsync(PassRoles.Admin)).Count > 0)
        {
            return;
        }

        var email = bootstrap.Value.AdminEmail;
        var password = bootstrap.Value.AdminPassword;
        var generated = string.IsNullOrEmpty(password);
        password = generated ? Secrets.NewPassword() : password;
        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Administrator",
                CreatedAt = time.GetUtcNow(),
            };
            var created = await users.CreateAsync(admin, password!);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("The first administrator could not be created: "
                    + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }

        await users.AddToRolesAsync(admin, [PassRoles.Admin, PassRoles.User]);
        logger.LogInformation("Created the first administrator {Email}.", email);
        if (generated)
        {
            // Printed to the console once, never logged: it is not kept anywhere else.
            Console.WriteLine($"""

                ==== Pass: first administrator ====
                  email:    {email}
                  password: {password}
                Change it after signing in. It is shown only this once.

                """);
        }
    }
}
