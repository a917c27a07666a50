using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pass.Shared.Cards;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Pass.Web.Clients;
using Pass.Web.Data;
using Pass.Web.Oauth;

namespace Pass.Web.Hosting;

/// <summary>
/// Runs before the server listens: migrates the database (WAL), seeds the roles and the first administrator,
/// and creates or updates the clients of <c>Pass:Clients</c> (plus a demo terminal in Development).
/// </summary>
public sealed class PassInitializer(
    IServiceScopeFactory scopes,
    IOptions<BootstrapOptions> bootstrap,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<PassInitializer> logger) : IHostedService
{
    public const string DemoClientId = "demo-terminal";
    public const string DemoAppId = "demo-app";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PassDbContext>();
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        await SeedRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        await SeedAdministratorAsync(services.GetRequiredService<UserManager<ApplicationUser>>());

        var clients = services.GetRequiredService<ClientRegistry>();
        await clients.EnsureKioskAsync(ct);
        foreach (var client in configuration.GetSection("Pass:Clients").Get<List<ConfiguredClient>>() ?? [])
        {
            if (string.IsNullOrWhiteSpace(client.ClientId))
            {
                throw new InvalidOperationException("Pass:Clients: every client needs a ClientId.");
            }

            if (client.ClientSecret is { Length: < PassApplicationManager.MinimumSecretLength })
            {
                throw new InvalidOperationException(
                    $"Pass:Clients: the secret of '{client.ClientId}' must be at least {PassApplicationManager.MinimumSecretLength} random characters.");
            }

            if (Pass.Shared.Clients.ClientRules.Check(client.Shape) is { } invalid)
            {
                throw new InvalidOperationException($"Pass:Clients: '{client.ClientId}', {invalid.Field}: {invalid.Problem.English}");
            }

            await clients.UpsertAsync(client, ct);
        }

        if (environment.IsDevelopment() && configuration.GetValue("Pass:DemoClient", true))
        {
            await SeedDemoClientAsync(clients, ct);
        }
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

    // A terminal that reads hex cards and redeems QR codes, and a first-party app people sign in with
    // (the password grant), so the README's walkthrough runs on a fresh clone.
    private static async Task SeedDemoClientAsync(ClientRegistry clients, CancellationToken ct)
    {
        (string Id, string Name, string[] Grants, CardReaderFormat? Format)[] demos =
        [
            (DemoClientId, "Demo terminal", [PassGrantTypes.ClientCredentials, PassGrantTypes.Card, PassGrantTypes.Qr, PassGrantTypes.RefreshToken], CardReaderFormat.HexUid),
            (DemoAppId, "Demo app", [PassGrantTypes.Password, PassGrantTypes.RefreshToken, PassGrantTypes.Sms, PassGrantTypes.ClientCredentials], null),
        ];
        foreach (var (id, name, grants, format) in demos)
        {
            var secret = await clients.FindAsync(id, ct) is null
                ? await clients.RegisterAsync(name, grants, format, id, ct: ct)
                : (await clients.RotateSecretAsync(id, ct))!;
            Console.WriteLine($"""
                ==== Pass (Development): {name} ====
                  client_id:     {secret.ClientId}
                  client_secret: {secret.ClientSecret}
                  grants:        {string.Join(", ", grants)}{(format is null ? "" : $"\n  reader format: {format}")}
                """);
        }

        Console.WriteLine("Development makes new demo client secrets at every start.\n");
    }
}
