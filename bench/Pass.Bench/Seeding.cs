using System.Net.Http.Json;
using System.Text.Json;

namespace Pass.Bench;

/// <summary>
/// Before the runs: N live terminal tokens (one per line, for wrk), M revoked ones (RFC 7009, for the revoked-token
/// scenario), a person with a bound card and the person's bearer token (QR creation).
/// </summary>
public static class Seeding
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var baseUrl = args["base"];
        var outDir = args["out"];
        var count = args.Int("tokens", 10_000);
        Directory.CreateDirectory(outDir);
        using var http = Bench.NewClient(baseUrl);

        var tokens = new string[count];
        await Bench.ManyAsync(count, 16, async i => tokens[i] = await Bench.TerminalTokenAsync(http));
        await File.WriteAllLinesAsync(Path.Combine(outDir, "tokens.txt"), tokens);

        var revoked = new string[args.Int("revoked", 0)];
        await Bench.ManyAsync(revoked.Length, 16, async i =>
        {
            revoked[i] = await Bench.TerminalTokenAsync(http);
            using var response = await http.PostAsync("/oauth/v2/revoke", Bench.ClientForm(("token", revoked[i]), ("token_type_hint", "access_token")));
            response.EnsureSuccessStatusCode();
        });
        await File.WriteAllLinesAsync(Path.Combine(outDir, "revoked.txt"), revoked);

        using var admin = await Bench.PortalAsync(baseUrl, Bench.AdminEmail, Bench.AdminPassword);
        using var created = await admin.PostAsJsonAsync("/api/users", new { email = Bench.PersonEmail, displayName = "Bench Person", password = Bench.PersonPassword });
        var personId = created.IsSuccessStatusCode
            ? (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetString()!
            : throw new InvalidOperationException($"Could not create the bench person: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        using var bound = await admin.PostAsJsonAsync("/api/cards", new { userId = personId, cardNumber = Bench.CardNumber, format = "HexUid" });
        bound.EnsureSuccessStatusCode();
        await File.WriteAllTextAsync(Path.Combine(outDir, "person-token.txt"), await Bench.PersonTokenAsync(http));
        Console.WriteLine($"seeded {count} tokens, {revoked.Length} revoked ones, a person with card {Bench.CardNumber}");
        return 0;
    }
}
