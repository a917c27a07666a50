using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pass.Shared.Oauth;
using Pass.Web.Data;

namespace Pass.Web.Users;

/// <summary>At start, after the migration: the roles, and the first administrator when no administrator exists.</summary>
internal sealed class FirstAdministrator(
    IServiceScopeFactory scopes,
    IOptions<BootstrapOptions> bootstrap,
    ILogger<FirstAdministrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Nodes of a cluster that start together seed one after the other: the second finds the first's roles and administrator.
        await using var turn = await NodeTurns.TakeAsync(services.GetRequiredService<PassDbContext>().Database, NodeTurns.Seeding, ct);
        await SeedRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        await SeedAdministratorAsync(services.GetRequiredService<UserManager<ApplicationUser>>(), services.GetRequiredService<UserDirectory>(), ct);
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

    /// <summary>Created through the one creation path (its checks, its audit line); an existing account of that email is promoted instead.</summary>
    private async Task SeedAdministratorAsync(UserManager<ApplicationUser> users, UserDirectory directory, CancellationToken ct)
    {
        if ((await users.GetUsersInRoleAsync(PassRoles.Admin)).Count > 0)
        {
            return;
        }

        var email = bootstrap.Value.AdminEmail;
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            await users.AddToRolesAsync(existing, [PassRoles.Admin, PassRoles.User]);
            logger.LogInformation("Made {Email} the first administrator.", email);
            return;
        }

        var created = await directory.CreateAsync(NewPerson.FirstAdministrator(email, bootstrap.Value.AdminPassword), ct);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The first administrator could not be created: " + created.Describe());
        }

        logger.LogInformation("Created the first administrator {Email}.", email);
        if (created.Value!.GeneratedPassword is { } password)
        {
            // Printed to the console once, never logged: it is not kept anywhere else.
            Console.WriteLine($"""

                ==== Pass: first administrator ====
                  email:    {email}
                  password: {password}
                It is shown only this once; you choose your own at the first sign-in.

                """);
        }
    }
}
