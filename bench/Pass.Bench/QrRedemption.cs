using System.Net.Http.Json;
using System.Text.Json;

namespace Pass.Bench;

/// <summary>QR redemption at 64 at a time: codes are one-time, so they are made first (untimed) and each redeemed once.</summary>
public static class QrRedemption
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var count = args.Int("codes", 3000);
        using var http = Bench.NewClient(args["base"]);
        var person = await Bench.PersonTokenAsync(http);
        var codes = new string[count];
        await Bench.ManyAsync(count, 16, async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/v2/qrcode")
            {
                Content = new FormUrlEncodedContent([new("session", $"bench-{Guid.NewGuid():N}")]),
            };
            request.Headers.Authorization = Bench.Bearer(person);
            using var response = await http.SendAsync(request);
            codes[i] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auth_code").GetString()!;
        });

        var failures = 0;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var times = await Bench.ManyAsync(count, 64, async i =>
        {
            using var response = await http.PostAsync("/oauth/v2/token", Bench.CodeForm(codes[i]));
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new { scenario = "qr_redeem", rps = count / seconds, p99_ms = Bench.Percentile(times, 99), errors = failures }));
        return failures == 0 ? 0 : 1;
    }
}
