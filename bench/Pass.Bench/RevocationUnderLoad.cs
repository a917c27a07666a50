using System.Text.Json;

namespace Pass.Bench;

/// <summary>
/// While wrk hammers check_token with the seeded tokens, revokes some of them (RFC 7009) and checks each at once:
/// a revoked token must never be accepted again, even with its entry hot in the cache.
/// </summary>
public static class RevocationUnderLoad
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var tokens = await File.ReadAllLinesAsync(args["tokens"]);
        var count = Math.Min(args.Int("count", 200), tokens.Length);
        using var http = Bench.NewClient(args["base"]);
        var accepted = 0;
        foreach (var token in tokens.TakeLast(count))
        {
            using var revoked = await http.PostAsync("/oauth/v2/revoke", Bench.ClientForm(("token", token)));
            revoked.EnsureSuccessStatusCode();
            using var check = new HttpRequestMessage(HttpMethod.Get, "/oauth/v2/check_token");
            check.Headers.Authorization = Bench.Bearer(token);
            using var answer = await http.SendAsync(check);
            if (answer.IsSuccessStatusCode)
            {
                accepted++;
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(new { scenario = "revocation", revoked = count, accepted_after_revoke = accepted }));
        return accepted == 0 ? 0 : 1;
    }
}
