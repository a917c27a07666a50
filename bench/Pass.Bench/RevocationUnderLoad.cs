using System.Text.Json;

namespace Pass.Bench;

/// <summary>
/// While wrk hammers check_token with the seeded tokens, revokes some of them (RFC 7009) and checks each at once:
/// a revoked token must never be accepted again, even with its entry hot in the cache. On a cluster the revocation goes
/// to one node (--base) and the check to another (--check-base): the reach is the time from sending the revocation to
/// the other node's first refusal.
/// </summary>
public static class RevocationUnderLoad
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var tokens = await File.ReadAllLinesAsync(args["tokens"]);
        var count = Math.Min(args.Int("count", 200), tokens.Length);
        using var http = Bench.NewClient(args["base"]);
        using var checker = Bench.NewClient(args.Text("check-base", args["base"]));
        var accepted = 0;
        var reach = new List<double>(count);
        foreach (var token in tokens.TakeLast(count))
        {
            var sent = System.Diagnostics.Stopwatch.GetTimestamp();
            using var revoked = await http.PostAsync("/oauth/v2/revoke", Bench.ClientForm(("token", token), ("token_type_hint", "access_token")));
            revoked.EnsureSuccessStatusCode();
            using var check = new HttpRequestMessage(HttpMethod.Get, "/oauth/v2/check_token");
            check.Headers.Authorization = Bench.Bearer(token);
            using var answer = await checker.SendAsync(check);
            if (answer.IsSuccessStatusCode)
            {
                accepted++;
            }
            else
            {
                reach.Add(System.Diagnostics.Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }

        reach.Sort();
        double At(double q) => reach.Count == 0 ? 0 : reach[Math.Min(reach.Count - 1, (int)(q * reach.Count))];
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            scenario = args.Text("scenario", "revocation"), revoked = count, accepted_after_revoke = accepted,
            reach_p50_ms = Math.Round(At(0.5), 2), reach_p99_ms = Math.Round(At(0.99), 2),
        }));
        return accepted == 0 ? 0 : 1;
    }
}
