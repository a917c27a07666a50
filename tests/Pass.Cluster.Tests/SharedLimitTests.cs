using System.Net;
using System.Net.Http.Json;
using Pass.Shared.Oauth;
using Pass.Shared.Users;

namespace Pass.Cluster.Tests;

/// <summary>Two nodes with a small sign-in limit.</summary>
public sealed class TwoNodesWithSmallLimits : TwoNodes
{
    public const int SignInsPerMinute = 6;

    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings =>
        [new("Pass:RateLimits:SignInPerMinute", SignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>A limit is the cluster's, not each node's: two nodes do not double it.</summary>
public sealed class SharedLimitTests(TwoNodesWithSmallLimits nodes) : IClassFixture<TwoNodesWithSmallLimits>
{
    [Fact]
    public async Task The_sign_in_limit_is_reached_at_the_configured_count_over_both_nodes_together()
    {
        // The count is kept per clock minute: start early in one, so all the attempts fall in the same.
        var now = DateTimeOffset.UtcNow;
        if (now.Second > 40)
        {
            await Task.Delay(TimeSpan.FromSeconds(60 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond) + TimeSpan.FromMilliseconds(100));
        }

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * TwoNodesWithSmallLimits.SignInsPerMinute; i++)
        {
            var api = i % 2 == 0 ? nodes.ApiA : nodes.ApiB;
            var response = await api.Http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest("nobody@test.local", "wrong-password"));
            answers.Add(response.StatusCode);
        }

        Assert.Equal(TwoNodesWithSmallLimits.SignInsPerMinute, answers.Count(a => a == HttpStatusCode.Unauthorized));
        Assert.All(answers.Skip(TwoNodesWithSmallLimits.SignInsPerMinute), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
    }
}
