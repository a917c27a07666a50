using Pass.Shared.Cards;
using Pass.Shared.Clients;
using Microsoft.Extensions.Options;
using Pass.Shared.Oauth;
using Pass.Web.Data;
using Pass.Web.Infrastructure.Cluster;

namespace Pass.Web.Clients;

/// <summary>
/// At start, after the migration: Pass's own kiosk client, the clients of <c>Pass:Clients</c> (created or updated,
/// under the same rule as the clients page), and in Development a demo terminal and app.
/// </summary>
internal sealed class ConfiguredClients(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<ClusterOptions> cluster,
    ILogger<ConfiguredClients> logger) : IHostedService
{
    public const string DemoClientId = "demo-terminal";
    public const string DemoAppId = "demo-app";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Nodes of a cluster that start together seed one after the other: the second finds the first's clients.
        await using var turn = await NodeTurns.TakeAsync(scope.ServiceProvider.GetRequiredService<PassDbContext>().Database, NodeTurns.Seeding, ct);
        var clients = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
        await clients.EnsureKioskAsync(ct);
        foreach (var client in configuration.GetSection(ConfiguredClient.Section).Get<List<ConfiguredClient>>() ?? [])
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

            if (ClientRules.Check(client.ToRequest()) is { } invalid)
            {
                throw new InvalidOperationException($"Pass:Clients: '{client.ClientId}', {invalid.Field}: {invalid.Problem.English}");
            }

            await clients.UpsertAsync(client, ct);
        }

        if (environment.IsDevelopment() && configuration.GetValue("Pass:DemoClient", true))
        {
            if (cluster.Value.Enabled)
            {
                // Each node's start would give the demo clients new secrets, so each node would know a different one.
                logger.LogInformation("No demo clients on a cluster node: configure the cluster's clients under Pass:Clients.");
            }
            else
            {
                await SeedDemoClientAsync(clients, ct);
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    // A terminal that reads hex cards and redeems QR codes, and a first-party app people sign in with
    // (the password grant), so the README's walkthrough runs on a fresh clone.
    private static async Task SeedDemoClientAsync(ClientRegistry clients, CancellationToken ct)
    {
        (string Id, string Name, string[] Grants, CardReaderFormat? Format, string[] Permissions)[] demos =
        [
            (DemoClientId, "Demo terminal", [PassGrantTypes.ClientCredentials, PassGrantTypes.Card, PassGrantTypes.Qr, PassGrantTypes.RefreshToken], CardReaderFormat.HexUid,
                [PassPermissions.UsersRead, PassPermissions.Messages]),
            (DemoAppId, "Demo app", [PassGrantTypes.Password, PassGrantTypes.RefreshToken, PassGrantTypes.Sms, PassGrantTypes.ClientCredentials], null, []),
        ];
        foreach (var (id, name, grants, format, permissions) in demos)
        {
            var secret = await clients.FindAsync(id, ct) is null
                ? await clients.RegisterAsync(name, grants, format, id, ct: ct, permissions: permissions)
                : (await clients.RotateSecretAsync(id, ct))!;
            Console.WriteLine($"""
                ==== Pass (Development): {name} ====
                  client_id:     {secret.ClientId}
                  client_secret: {secret.ClientSecret}
                  grants:        {string.Join(", ", grants)}{(format is null ? "" : $"\n  reader format: {format}")}{(permissions.Length == 0 ? "" : $"\n  permissions:   {string.Join(", ", permissions)}")}
                """);
        }

        Console.WriteLine("Development makes new demo client secrets at every start.\n");
    }
}
