using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>Concurrency at the scale of a busy campus: one-time stays one-time, one card one person, revoked stays revoked.</summary>
public sealed class RaceTests : PassTestBase
{
    [Fact]
    public async Task A_thousand_parallel_redemptions_of_one_qr_code_give_exactly_one_token()
    {
        var email = "race-qr@test.local";
        await App.CreatePersonAsync(email);
        var code = await Api.CreateQrOkAsync((await Api.PersonTokensAsync(email)).AccessToken);

        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => Api.RedeemQrAsync(code.AuthCode))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(999, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_thousand_parallel_binds_of_one_card_to_different_people_leave_exactly_one_binding()
    {
        await App.CreatePersonAsync("race-desk@test.local", "Desk", "Helpdesk");
        using var desk = await PortalSession.SignInAsync(App, "race-desk@test.local");
        var people = await App.CreatePeopleAsync(1000);

        var responses = await Task.WhenAll(people.Select(id =>
            Task.Run(() => desk.PostAsync(PassRoutes.Cards, new BindCardRequest(id, "04:A2:3B:1C", CardReaderFormat.HexUid)))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(999, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var history = await desk.ReadAsync<List<CardBindingView>>(await desk.Http.GetAsync($"{PassRoutes.Cards}/history?number=04A23B1C&format=HexUid"));
        Assert.Single(history);
    }

    [Fact]
    public async Task Ten_thousand_checks_interleaved_with_revocations_never_accept_a_revoked_token()
    {
        var tokens = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => Api.TerminalTokenAsync())));
        var acceptedAfterRevoke = 0;
        var checks = 0;

        await Parallel.ForEachAsync(tokens, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (token, ct) =>
        {
            var revokedAt = long.MaxValue; // Stopwatch ticks when the revocation's answer arrived
            var revoke = Task.Run(async () =>
            {
                var answer = await Api.Http.PostAsync(PassRoutes.Revoke, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["token"] = token, ["client_id"] = TestClient.Terminal.ClientId, ["client_secret"] = TestClient.Terminal.Secret,
                }), ct);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Interlocked.Exchange(ref revokedAt, Stopwatch.GetTimestamp());
            }, ct);

            for (var i = 0; i < 10; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var status = (await Api.CheckAsync(token)).StatusCode;
                Interlocked.Increment(ref checks);
                if (status == HttpStatusCode.OK && started > Interlocked.Read(ref revokedAt))
                {
                    Interlocked.Increment(ref acceptedAfterRevoke);
                }
            }

            await revoke;
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CheckAsync(token)).StatusCode);
        });

        Assert.Equal(10_000, checks);
        Assert.Equal(0, acceptedAfterRevoke);
    }

    [Fact]
    public async Task A_burst_of_one_refresh_token_is_one_refresh_answered_alike_and_a_later_reuse_revokes_the_family()
    {
        var email = "race-refresh@test.local";
        await App.CreatePersonAsync(email);
        var first = await Api.PersonTokensAsync(email);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            Api.TokenAsync(TestClient.App, ("grant_type", "refresh_token"), ("refresh_token", first.RefreshToken!)))));

        // A client's retries: every one gets the one new pair, which works.
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var issued = new ConcurrentBag<TokenResponse>();
        foreach (var ok in responses)
        {
            issued.Add((await ok.Content.ReadFromJsonAsync<TokenResponse>())!);
        }

        var pair = Assert.Single(issued.Distinct());
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(pair.AccessToken)).StatusCode);

        // After the grace the old token is stolen or replayed: the whole family dies, the new pair too.
        App.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.TokenAsync(TestClient.App, ("grant_type", "refresh_token"), ("refresh_token", first.RefreshToken!))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CheckAsync(pair.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.TokenAsync(TestClient.App, ("grant_type", "refresh_token"), ("refresh_token", pair.RefreshToken!))).StatusCode);
    }
}
