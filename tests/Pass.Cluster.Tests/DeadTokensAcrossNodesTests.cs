using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pass.Web.Infrastructure;
using Pass.Web.Oauth;

namespace Pass.Cluster.Tests;

/// <summary>
/// check_token's unhappy path on a cluster: every node verifies the tags of tokens any node issued (one key, derived
/// from the shared signing key), refuses garbage by itself, and remembers a token revoked on another node as dead.
/// </summary>
public sealed class DeadTokensAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static TokenChecker CheckerOf(Pass.Web.Tests.Infrastructure.PassApplication node) => node.Services.GetRequiredService<TokenChecker>();

    [Fact]
    public async Task A_token_issued_on_one_node_carries_a_tag_the_other_verifies_and_garbage_is_refused_on_each_without_memory()
    {
        var issuedOnB = await nodes.ApiB.TerminalTokenAsync();

        Assert.True(nodes.A.Services.GetRequiredService<TokenTag>().IsTagged(issuedOnB));
        Assert.True(nodes.B.Services.GetRequiredService<TokenTag>().IsTagged(nodes.A.Services.GetRequiredService<TokenTag>().NewToken()));
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(issuedOnB)).StatusCode);

        var deadBefore = CheckerOf(nodes.A).DeadCount;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiA.CheckAsync(Secrets.NewToken())).StatusCode);
        }

        Assert.Equal(deadBefore, CheckerOf(nodes.A).DeadCount);
    }

    [Fact]
    public async Task A_token_revoked_on_one_node_is_refused_on_the_other_and_remembered_there_as_dead()
    {
        var token = await nodes.ApiA.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(token)).StatusCode);
        var deadBefore = CheckerOf(nodes.A).DeadCount;

        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiB.RevokeAsync(token)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiA.CheckAsync(token)).StatusCode);
        Assert.Equal(deadBefore + 1, CheckerOf(nodes.A).DeadCount);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiA.CheckAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiB.CheckAsync(token)).StatusCode);
    }
}
