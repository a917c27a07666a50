using System.Diagnostics;
using System.Net;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Cluster.Tests;

/// <summary>
/// Redis gone under load: every node fails closed (check_token reads the database, ready says Degraded), a revocation that cannot
/// reach the other nodes says 503 instead of claiming success, and nothing revoked is accepted. Redis back: the nodes
/// take fresh leases and answer from memory again by themselves.
/// </summary>
public sealed class RedisOutageTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Without_redis_no_revoked_token_is_accepted_and_with_it_back_the_nodes_are_current_again()
    {
        var live = await nodes.ApiA.TerminalTokenAsync();
        var doomed = await nodes.ApiA.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(live)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(doomed)).StatusCode);

        // Under load: both nodes keep checking both tokens, from before Redis goes until after it is back.
        using var stop = new CancellationTokenSource();
        long revokedAt = long.MaxValue, acceptedAfterRevocation = 0, checks = 0, liveRefused = 0;
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var api = worker % 2 == 0 ? nodes.ApiA : nodes.ApiB;
            while (!stop.IsCancellationRequested)
            {
                var startedAt = Stopwatch.GetTimestamp();
                var doomedStatus = (await api.CheckAsync(doomed)).StatusCode;
                if (doomedStatus == HttpStatusCode.OK && startedAt > Interlocked.Read(ref revokedAt))
                {
                    Interlocked.Increment(ref acceptedAfterRevocation);
                }

                if ((await api.CheckAsync(live)).StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref liveRefused);
                }

                Interlocked.Add(ref checks, 2);
            }
        })).ToArray();

        nodes.Redis.Kill();
        await TwoNodes.WhenCurrentAsync(nodes.A, current: false);
        await TwoNodes.WhenCurrentAsync(nodes.B, current: false);

        var ready = await nodes.ApiA.Http.GetStringAsync(PassRoutes.Health + "/ready");
        Assert.StartsWith("Degraded\ncluster: check_token reads the database", ready, StringComparison.Ordinal);

        // The database is written, the other node cannot be told: the caller hears 503 and may retry; the token is
        // refused everywhere all the same, because neither node trusts its memory now.
        var revoke = await nodes.ApiB.RevokeAsync(doomed);
        Interlocked.Exchange(ref revokedAt, Stopwatch.GetTimestamp());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiA.CheckAsync(doomed)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiB.CheckAsync(doomed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(live)).StatusCode);

        nodes.Redis.Start();
        await TwoNodes.WhenCurrentAsync(nodes.A);
        await TwoNodes.WhenCurrentAsync(nodes.B);

        Assert.Equal("Healthy", await nodes.ApiA.Http.GetStringAsync(PassRoutes.Health + "/ready"));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Assert.True(checks > 100, $"only {checks} checks ran under the outage");
        Assert.Equal(0, acceptedAfterRevocation);
        Assert.Equal(0, liveRefused); // answered from the database meanwhile, never refused for the outage
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiA.CheckAsync(doomed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(live)).StatusCode);
        var after = await nodes.ApiB.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(after)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiB.RevokeAsync(after)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiA.CheckAsync(after)).StatusCode);
    }
}
