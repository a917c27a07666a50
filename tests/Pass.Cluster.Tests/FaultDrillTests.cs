using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenIddict.EntityFrameworkCore.Models;
using Pass.Shared.Oauth;
using Pass.Web.Data;
using Pass.Web.Infrastructure;
using Pass.Web.Oauth;
using Pass.Web.Tests.Infrastructure;
using StackExchange.Redis;

namespace Pass.Cluster.Tests;

/// <summary>Two nodes on a PostgreSQL of their own (so it can be stopped), with dead tokens prunable at once.</summary>
public sealed class TwoNodesOnTheirOwnPostgres : TwoNodes
{
    protected override bool OwnPostgres => true;

    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings => [new("Pass:Tokens:PruneAfter", "00:00:00")];
}

/// <summary>The fault drills: PostgreSQL restarted, a node killed, the pruning job taken over.</summary>
public sealed class FaultDrillTests(TwoNodesOnTheirOwnPostgres nodes) : IClassFixture<TwoNodesOnTheirOwnPostgres>
{
    [Fact]
    public async Task With_postgresql_down_requests_get_503_never_500_and_succeed_again_once_it_is_back()
    {
        var cached = await nodes.ApiA.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(cached)).StatusCode);

        nodes.Postgres(running: false);
        try
        {
            var grant = await nodes.ApiA.TokenAsync(TestClient.Terminal, ("grant_type", "client_credentials"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, grant.StatusCode);
            Assert.NotNull(grant.Headers.RetryAfter);
            Assert.Equal("temporarily_unavailable", (await OAuthApi.ErrorOf(grant)).Error);
            // A well-tagged token nobody has seen needs the database; garbage does not (its tag does not verify).
            var unseen = nodes.B.Services.GetRequiredService<TokenTag>().NewToken();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await nodes.ApiB.CheckAsync(unseen)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiB.CheckAsync(Secrets.NewToken())).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await nodes.ApiB.Http.GetAsync(PassRoutes.Health + "/ready")).StatusCode);

            // What a node already knows is live it still answers from memory.
            Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.CheckAsync(cached)).StatusCode);
        }
        finally
        {
            nodes.Postgres(running: true);
        }

        // The pools drop their dead connections; the first request after the restart may still meet one.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5 && (answers.Count == 0 || answers[^1] != HttpStatusCode.OK); i++)
        {
            answers.Add((await nodes.ApiB.TokenAsync(TestClient.Terminal, ("grant_type", "client_credentials"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, answers[^1]);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, answers);
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiA.TokenAsync(TestClient.Terminal, ("grant_type", "client_credentials"))).StatusCode);
    }

    [Fact]
    public async Task A_node_killed_with_sigkill_is_fenced_once_and_the_others_keep_serving()
    {
        using var third = StartNodeProcess();
        var address = $"http://127.0.0.1:{third.Port}";
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        await WhenAsync(async () => (await http.GetStringAsync(PassRoutes.Health + "/ready")) == "Healthy");
        var api = new OAuthApi(http);
        var token = await api.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.CheckAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiB.CheckAsync(token)).StatusCode);

        third.Process.Kill(); // SIGKILL: no goodbye on the bus, its lease still there
        third.Process.WaitForExit();

        var watch = Stopwatch.StartNew();
        var revoke = await nodes.ApiB.RevokeAsync(token);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.True(watch.Elapsed >= TwoNodes.LeaseLength, $"the dead node was not waited out ({watch.Elapsed})");
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiA.CheckAsync(token)).StatusCode);

        // Fenced once: the next revocation does not wait for it again.
        var next = await nodes.ApiA.TerminalTokenAsync();
        watch.Restart();
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiB.RevokeAsync(next)).StatusCode);
        Assert.True(watch.Elapsed < TwoNodes.LeaseLength, $"waited for a node already fenced ({watch.Elapsed})");
    }

    [Fact]
    public async Task Pruning_runs_on_one_node_at_a_time_and_another_takes_over_when_the_holder_is_gone()
    {
        // The other drills of this fixture revoke tokens too: start from none (pruning after 0 s takes every one).
        var pruner = nodes.B.Services.GetRequiredService<TokenPruner>();
        await pruner.PruneAsync(CancellationToken.None);
        Assert.Equal(0, await RevokedCountAsync());
        var token = await nodes.ApiA.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await nodes.ApiB.RevokeAsync(token)).StatusCode);

        // Another node holds the pruning lock (it is mid-round): B's round leaves the shared tables alone.
        await using (var holder = new NpgsqlConnection(nodes.ConnectionString + ";Pooling=false")) // closing it ends its session
        {
            await holder.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({NodeTurns.Pruning})", holder))
            {
                await take.ExecuteNonQueryAsync();
            }

            Assert.False(await pruner.TryPruneAsync(CancellationToken.None));
            Assert.Equal(1, await RevokedCountAsync());
        }

        // The holder is gone (its connection with it, as when a node dies): B's next round prunes.
        Assert.True(await pruner.TryPruneAsync(CancellationToken.None));
        Assert.Equal(0, await RevokedCountAsync());
    }

    private Task<int> RevokedCountAsync() => nodes.B.WithScopeAsync(services => services.GetRequiredService<PassDbContext>()
        .Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(t => t.Status == "revoked"));

    private static async Task WhenAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the node did not become ready");
            await Task.Delay(200);
        }
    }

    /// <summary>A third node as a real process (the test host's Pass.Web.dll), so it can die by SIGKILL.</summary>
    private NodeProcess StartNodeProcess()
    {
        var port = RedisServer.FreePort();
        var data = Path.Combine(Path.GetTempPath(), "pass-tests", "node-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Pass.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Pass__DataDirectory"] = data;
        info.Environment["Pass__Database__Provider"] = "PostgreSql";
        info.Environment["ConnectionStrings__Pass"] = nodes.ConnectionString;
        info.Environment["Pass__Redis__Configuration"] = nodes.RedisConfiguration;
        info.Environment["Pass__Redis__LeaseLength"] = TwoNodes.LeaseLength.ToString();
        info.Environment["Pass__Issuer"] = "http://pass.cluster.test/";
        info.Environment["Pass__Bootstrap__AdminPassword"] = PassApplication.AdminPassword;
        info.Environment["Pass__Bootstrap__AdminEmail"] = PassApplication.AdminEmail;
        info.Environment["Pass__DemoClient"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NodeProcess(process, port, data);
    }

    private sealed record NodeProcess(Process Process, int Port, string Data) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
            }

            Process.Dispose();
            if (Directory.Exists(Data))
            {
                Directory.Delete(Data, recursive: true);
            }
        }
    }
}
