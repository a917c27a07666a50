using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pass.Bench;

/// <summary>What the tools share: the clients bench/run.sh configures, HTTP with many connections, a person's cookie.</summary>
public static class Bench
{
    public const string Terminal = "bench-terminal";
    public const string TerminalSecret = "bench-terminal-secret-0123456789abcdef";
    public const string App = "bench-app";
    public const string AppSecret = "bench-app-secret-0123456789abcdef";
    public const string CardNumber = "04A23B1C";
    public const string AdminEmail = "admin@bench.local";
    public const string AdminPassword = "Bench-Admin-Password-1";
    public const string PersonEmail = "person@bench.local";
    public const string PersonPassword = "Bench-Person-Password-1";

    public static HttpClient NewClient(string baseUrl, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            CookieContainer = cookies ?? new CookieContainer(),
            UseCookies = cookies is not null,
        })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(5),
        };

    public static async Task<string> TerminalTokenAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/oauth/v2/token", ClientForm(("grant_type", "client_credentials")));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>A token request form with the bench terminal's credentials.</summary>
    public static FormUrlEncodedContent ClientForm(params (string Key, string Value)[] fields) =>
        new([.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), new("client_id", Terminal), new("client_secret", TerminalSecret)]);

    /// <summary>The terminal redeeming a scanned QR code (SPEC §2.2).</summary>
    public static FormUrlEncodedContent CodeForm(string code) => ClientForm(("grant_type", "authorization_code"), ("code", code));

    public static async Task<string> PersonTokenAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/oauth/v2/token", new FormUrlEncodedContent([
            new("grant_type", "password"), new("username", PersonEmail), new("password", PersonPassword),
            new("client_id", App), new("client_secret", AppSecret)]));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>Runs <paramref name="count"/> calls, <paramref name="parallel"/> at a time; returns each call's milliseconds.</summary>
    public static async Task<List<double>> ManyAsync(int count, int parallel, Func<int, Task> call)
    {
        var times = new double[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await call(i);
            times[i] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        });
        return [.. times.Order()];
    }

    /// <summary>Signs in to the portal API (cookie) and sets the antiforgery header for writes.</summary>
    public static async Task<HttpClient> PortalAsync(string baseUrl, string email, string password)
    {
        var http = NewClient(baseUrl, new CookieContainer());
        using var login = await http.PostAsJsonAsync("/api/account/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var antiforgery = await http.GetFromJsonAsync<JsonElement>("/api/antiforgery");
        http.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return http;
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The server's resident memory (VmRSS) in KB, read from /proc.</summary>
    public static long ResidentKb(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture))
            .First();
}
