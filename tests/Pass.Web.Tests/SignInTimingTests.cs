using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>How long a refused sign-in takes does not tell whether the account exists.</summary>
public sealed class SignInTimingTests : PassTestBase
{
    [Fact]
    public async Task Unknown_accounts_and_wrong_passwords_take_the_same_time_within_ten_percent()
    {
        const int Rounds = 15;
        var known = new List<string>();
        for (var i = 0; i < Rounds; i++)
        {
            // A fresh account each time: a locked one would be refused sooner, by design.
            known.Add(await App.CreatePersonAsync($"timing-{i}@test.local"));
        }

        var http = App.CreateClient();
        await TimeAsync(http, "warm-up@test.local");
        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            // Interleaved, so drift in the machine's speed falls on both alike.
            unknown.Add(await TimeAsync(http, $"nobody-{i}@test.local"));
            wrong.Add(await TimeAsync(http, $"timing-{i}@test.local"));
        }

        var (u, w) = (Median(unknown), Median(wrong));
        Assert.True(Math.Abs(u - w) / Math.Max(u, w) <= 0.10, $"median unknown {u:F1} ms, wrong password {w:F1} ms");
    }

    private static async Task<double> TimeAsync(HttpClient http, string email)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest(email, "Not-The-Password-1"));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
