using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pass.Bench;

/// <summary>
/// N people's pages watching one QR code over server-sent events: the server's memory per watcher, and the time
/// from the redemption to each watcher seeing "used".
/// </summary>
public static class Watchers
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var baseUrl = args["base"];
        var pid = args.Int("pid", 0);

        // On a cluster the code is redeemed through another node (--redeem-base): the push crosses the bus.
        var redeemBase = args.Text("redeem-base", baseUrl);
        var scenario = args.Text("scenario", "watchers");
        foreach (var n in args.Text("counts", "1000,5000,10000").Split(',').Select(int.Parse))
        {
            await MeasureAsync(baseUrl, redeemBase, scenario, pid, n);
        }

        return 0;
    }

    private static async Task MeasureAsync(string baseUrl, string redeemBase, string scenario, int pid, int n)
    {
        using var person = await Bench.PortalAsync(baseUrl, Bench.PersonEmail, Bench.PersonPassword);
        using var issued = await person.PostAsync("/api/me/qr", null);
        var code = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var session = code.GetProperty("session").GetString()!;
        using var control = Bench.NewClient(baseUrl);
        (await control.PostAsync("/bench/gc", null)).EnsureSuccessStatusCode();
        var before = Bench.ResidentKb(pid);

        using var stop = new CancellationTokenSource();
        var ready = new CountdownEvent(n);
        var seen = new long[n];
        var watchers = Enumerable.Range(0, n).Select(i => Task.Run(() => WatchAsync(person, session, i, ready, seen, stop.Token))).ToList();
        if (!ready.Wait(TimeSpan.FromMinutes(3)))
        {
            Console.WriteLine(JsonSerializer.Serialize(new { scenario, n, error = $"only {n - ready.CurrentCount} connected" }));
            stop.Cancel();
            return;
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        (await control.PostAsync("/bench/gc", null)).EnsureSuccessStatusCode();
        var after = Bench.ResidentKb(pid);

        // A redemption through the same terminal connection first, so the row measures the push and not the redeeming
        // node's first QR grant (its JIT and a new connection; on a cluster node B has not redeemed a code before).
        using var terminal = Bench.NewClient(redeemBase);
        using var warmCode = await person.PostAsync("/api/me/qr", null);
        var warm = await warmCode.Content.ReadFromJsonAsync<JsonElement>();
        (await terminal.PostAsync("/oauth/v2/token", Bench.CodeForm(warm.GetProperty("authCode").GetString()!))).EnsureSuccessStatusCode();

        var redeemedAt = Stopwatch.GetTimestamp();
        using var redeemed = await terminal.PostAsync("/oauth/v2/token", Bench.CodeForm(code.GetProperty("authCode").GetString()!));
        var redeemMs = Stopwatch.GetElapsedTime(redeemedAt).TotalMilliseconds;
        await Task.WhenAny(Task.WhenAll(watchers), Task.Delay(TimeSpan.FromSeconds(60)));
        stop.Cancel();

        var latencies = seen.Where(t => t > 0).Select(t => Stopwatch.GetElapsedTime(redeemedAt, t).TotalMilliseconds).Order().ToList();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            scenario,
            n,
            kb_per_watcher = (after - before) / (double)n,
            p50_ms = Bench.Percentile(latencies, 50),
            p99_ms = Bench.Percentile(latencies, 99),
            missed = n - latencies.Count,
            redeem_ms = redeemMs,
        }));
    }

    private static async Task WatchAsync(HttpClient http, string session, int i, CountdownEvent ready, long[] seen, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync($"/api/me/qr/{session}/events", HttpCompletionOption.ResponseHeadersRead, ct);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            var first = true;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (!line.StartsWith("data:", StringComparison.Ordinal))
                {
                    continue;
                }

                if (first)
                {
                    first = false;
                    ready.Signal();
                }

                if (line.Contains("\"used\"", StringComparison.OrdinalIgnoreCase) || line.Contains("\"Used\"", StringComparison.Ordinal))
                {
                    seen[i] = Stopwatch.GetTimestamp();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
