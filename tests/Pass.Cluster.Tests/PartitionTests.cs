using System.Diagnostics;
using System.Net;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Infrastructure.Cluster;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Cluster.Tests;

/// <summary>Two nodes where node A reaches Redis through a relay the test can cut: A alone loses the bus.</summary>
public sealed class TwoNodesWithACuttableLink : TwoNodes
{
    public TwoNodesWithACuttableLink()
    {
        LinkOfA = new TcpRelay(Redis.Port);
        LinkOfA.Mend();
    }

    public TcpRelay LinkOfA { get; }

    protected override string RedisConfigurationOfA => LinkOfA.Configuration;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        LinkOfA.Dispose();
    }
}

/// <summary>
/// One node cut off from Redis while the other keeps it: the cut node fails closed on its own, and a revocation made
/// there (answered 503: the other node could not be told) is owed and reaches the other node once the link is back.
/// </summary>
public sealed class PartitionTests(TwoNodesWithACuttableLink nodes) : IClassFixture<TwoNodesWithACuttableLink>
{
    [Fact]
    public async Task A_revocation_on_a_node_cut_off_from_redis_reaches_the_other_node_when_the_link_is_back()
    {
        var token = await nodes.ApiB.TerminalTokenAsync();
        var other = await nodes.ApiB.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiB.CheckAsync(token)).StatusCode); // now in B's memory
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiB.CheckAsync(other)).StatusCode);

        nodes.LinkOfA.Cut();
        await TwoNodes.WhenCurrentAsync(nodes.A, current: false);
        Assert.True(TwoNodes.BusOf(nodes.B).IsCurrent, "B's own link was not cut");
        var ready = await nodes.ApiA.Http.GetStringAsync("/health/ready");
        Assert.StartsWith("Degraded\ncluster:", ready, StringComparison.Ordinal);

        var revoke = await nodes.ApiA.RevokeAsync(token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, revoke.StatusCode);
        Assert.NotNull(revoke.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiA.CheckAsync(token)).StatusCode); // A reads the database
        var busOfA = (RedisClusterBus)TwoNodes.BusOf(nodes.A);
        Assert.Equal(1, busOfA.OwedCount);

        nodes.LinkOfA.Mend();
        await TwoNodes.WhenCurrentAsync(nodes.A);
        var deadline = Stopwatch.StartNew();
        while ((await nodes.ApiB.CheckAsync(token)).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "the owed revocation never reached node B");
            await Task.Delay(100);
        }

        while (busOfA.OwedCount != 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "the owed revocation was applied but is still owed");
            await Task.Delay(50);
        }

        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiB.CheckAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(other)).StatusCode);
        Assert.Equal("Healthy", await nodes.ApiA.Http.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task A_page_on_a_node_cut_off_from_redis_still_sees_a_code_used_on_the_other_node()
    {
        await using var page = await QrPageWatch.OpenAsync(nodes.A);

        nodes.LinkOfA.Cut();
        try
        {
            await TwoNodes.WhenCurrentAsync(nodes.A, current: false);

            // B's announcement cannot reach A; A's page reads again on its own while A does not hear the bus.
            await nodes.ApiB.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", page.Code.AuthCode));
            Assert.Equal(QrSessionStatus.Used, await page.NextStatusAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            nodes.LinkOfA.Mend();
            await TwoNodes.WhenCurrentAsync(nodes.A);
        }
    }
}
