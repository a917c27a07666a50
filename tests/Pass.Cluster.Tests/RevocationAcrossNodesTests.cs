using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;
using StackExchange.Redis;

namespace Pass.Cluster.Tests;

/// <summary>
/// A token lives on every node, and a revocation on either node is final on both the moment its answer returns: the
/// other node's check_token memory can never outlive it.
/// </summary>
public sealed class RevocationAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    public enum Revocation
    {
        OneToken,
        AllOfAPerson,
        AllOfAClient,
        Lock,
        CardLost,
    }

    [Fact]
    public async Task A_token_issued_on_one_node_is_accepted_by_check_token_on_the_other()
    {
        var token = await nodes.ApiA.TerminalTokenAsync();

        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiB.CheckAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(token)).StatusCode);
    }

    [Theory]
    [InlineData(Revocation.OneToken)]
    [InlineData(Revocation.AllOfAPerson)]
    [InlineData(Revocation.AllOfAClient)]
    [InlineData(Revocation.Lock)]
    [InlineData(Revocation.CardLost)]
    public async Task Revoked_on_one_node_is_refused_by_the_other_on_its_very_next_check(Revocation revocation)
    {
        var (token, revoke) = await PrepareAsync(revocation);
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(token)).StatusCode); // now in A's memory
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(token)).StatusCode);

        await revoke();

        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiA.CheckAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiB.CheckAsync(token)).StatusCode);
    }

    [Fact]
    public async Task Under_ten_thousand_checks_on_one_node_no_token_is_accepted_after_its_revocation_on_the_other_answered()
    {
        var tokens = new string[1000];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = await nodes.ApiA.TerminalTokenAsync(TestClient.SmsApp);
        }

        foreach (var token in tokens)
        {
            Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(token)).StatusCode);
        }

        var revokedAt = new ConcurrentDictionary<int, long>();
        var revoker = Task.Run(async () =>
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                var answer = await nodes.ApiB.RevokeAsync(tokens[i], TestClient.SmsApp, hint: null);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                revokedAt[i] = Stopwatch.GetTimestamp();
            }
        });

        var late = 0;
        var checks = 0;
        var random = new Random(15);
        while (checks < 10_000)
        {
            // Mostly the tokens around the one being revoked now: the race the invariant is about.
            var i = revoker.IsCompleted ? random.Next(tokens.Length) : Math.Clamp(revokedAt.Count + random.Next(-2, 3), 0, tokens.Length - 1);
            var startedAt = Stopwatch.GetTimestamp();
            var status = (await nodes.ApiA.CheckAsync(tokens[i])).StatusCode;
            checks++;
            if (status == HttpStatusCode.OK && revokedAt.TryGetValue(i, out var revoked) && revoked < startedAt)
            {
                late++;
            }
        }

        await revoker;
        Assert.Equal(0, late);
        Assert.All(await Task.WhenAll(tokens.Take(50).Select(t => nodes.ApiA.CheckAsync(t))), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    [Fact]
    public async Task A_node_that_does_not_acknowledge_is_fenced_and_the_revocation_still_answers()
    {
        // A member that holds a lease but hears nothing (a stuck process): the revoking node waits for it, then deletes
        // its lease and waits one lease length before it answers.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(nodes.Redis.Configuration);
        var db = redis.GetDatabase();
        await db.StringSetAsync("pass:lease:silent", "x", TimeSpan.FromMinutes(1));
        await db.SetAddAsync("pass:nodes", "silent");
        var token = await nodes.ApiA.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(token)).StatusCode);

        var watch = Stopwatch.StartNew();
        var answer = await nodes.ApiB.RevokeAsync(token);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(watch.Elapsed >= TwoNodes.LeaseLength, $"answered after {watch.Elapsed}, before the fenced node's lease could have run out");
        Assert.False(await db.KeyExistsAsync("pass:lease:silent"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiA.CheckAsync(token)).StatusCode);
    }

    private async Task<(string Token, Func<Task> Revoke)> PrepareAsync(Revocation revocation)
    {
        using var admin = await PortalSession.AdminAsync(nodes.B);
        switch (revocation)
        {
            case Revocation.OneToken:
            {
                var token = await nodes.ApiA.TerminalTokenAsync();
                return (token, async () => Assert.Equal(HttpStatusCode.OK,
                    (await nodes.ApiB.RevokeAsync(token)).StatusCode));
            }

            case Revocation.AllOfAClient:
            {
                var token = await nodes.ApiA.TerminalTokenAsync(TestClient.Bare);
                return (token, () => AdminPostAsync($"{PassRoutes.Tokens}/clients/{TestClient.Bare.ClientId}/revoke"));
            }

            case Revocation.CardLost:
            {
                var userId = await nodes.A.CreatePersonAsync();
                var number = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
                var bound = await admin.ReadAsync<CardBindingView>(await admin.PostAsync(PassRoutes.Cards, new BindCardRequest(userId, number, CardReaderFormat.HexUid)), HttpStatusCode.Created);
                var card = await nodes.ApiA.TokenOkAsync(TestClient.Terminal, ("grant_type", PassGrantTypes.Card), ("card_number", number));
                return (card.AccessToken, () => AdminPostAsync($"{PassRoutes.Cards}/{bound.Id}/report-lost"));
            }

            default:
            {
                var email = $"p-{Guid.NewGuid():N}@test.local";
                var userId = await nodes.A.CreatePersonAsync(email);
                var token = (await nodes.ApiA.PersonTokensAsync(email)).AccessToken;
                return (token, revocation == Revocation.Lock
                    ? () => AdminPostAsync($"{PassRoutes.Users}/{userId}/lock")
                    : () => AdminPostAsync($"{PassRoutes.Tokens}/users/{userId}/revoke"));
            }
        }
    }

    private async Task AdminPostAsync(string url)
    {
        using var admin = await PortalSession.AdminAsync(nodes.B);
        var answer = await admin.PostAsync(url);
        Assert.True(answer.IsSuccessStatusCode, $"{url}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }
}
