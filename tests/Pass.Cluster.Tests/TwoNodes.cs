using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pass.Web.Infrastructure.Cluster;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Cluster.Tests;

/// <summary>
/// Two Pass nodes on real Kestrel, on one PostgreSQL database and one Redis, each with a data folder of its own (so
/// nothing they share can come from a file). PostgreSQL is the test command's (<c>PASS_CLUSTER_POSTGRES</c>), or one
/// this fixture starts with deploy/cluster/engines.sh; Redis is always the fixture's own, so a test can stop it.
/// </summary>
public class TwoNodes : IAsyncLifetime
{
    private readonly string _database = "pass_cluster_" + Guid.NewGuid().ToString("N")[..12];
    private string? _engines;
    private string _server = "";
    private int _pgPort;

    public RedisServer Redis { get; } = new();

    public PassApplication A { get; private set; } = null!;

    public PassApplication B { get; private set; } = null!;

    public OAuthApi ApiA { get; private set; } = null!;

    public OAuthApi ApiB { get; private set; } = null!;

    public static TimeSpan LeaseLength { get; } = TimeSpan.FromSeconds(1);

    /// <summary>True: a PostgreSQL of the fixture's own, which a fault test may stop and start again.</summary>
    protected virtual bool OwnPostgres => false;

    /// <summary>The connection string both nodes use.</summary>
    public string ConnectionString => $"{_server};Database={_database}";

    public string RedisConfiguration => Redis.Configuration;

    public async ValueTask InitializeAsync()
    {
        _server = !OwnPostgres && Environment.GetEnvironmentVariable("PASS_CLUSTER_POSTGRES") is { Length: > 0 } server ? server : StartEngines();
        Redis.Start();
        A = Node(RedisConfigurationOfA);
        ApiA = new OAuthApi(new HttpClient { BaseAddress = A.StartKestrel() });
        B = Node(Redis.Configuration);
        ApiB = new OAuthApi(new HttpClient { BaseAddress = B.StartKestrel() });
        await WhenCurrentAsync(A);
        await WhenCurrentAsync(B);
    }

    public static IClusterBus BusOf(PassApplication node) => node.Services.GetRequiredService<IClusterBus>();

    /// <summary>Waits until <paramref name="node"/> holds its lease and hears the bus (it says so on its own).</summary>
    public static async Task WhenCurrentAsync(PassApplication node, bool current = true)
    {
        var bus = BusOf(node);
        var deadline = Stopwatch.StartNew();
        while (bus.IsCurrent != current)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"the node did not become {(current ? "current" : "not current")}: {bus.NotCurrentReason}");
            await Task.Delay(50);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        Redis.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection($"{_server};Database=postgres"))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_engines is not null)
        {
            Run("bash", Path.Combine(RepositoryRoot(), "deploy/cluster/engines.sh"), "stop", _engines);
        }
    }

    /// <summary>Settings both nodes get on top of the cluster's own.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> MoreSettings => [];

    /// <summary>Where node A finds Redis: the fixture's Redis, or a relay in front of it that a test may cut.</summary>
    protected virtual string RedisConfigurationOfA => Redis.Configuration;

    private PassApplication Node(string redis) => new(
        realClock: true,
        settings: new Dictionary<string, string>(MoreSettings)
        {
            ["Pass:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Pass"] = ConnectionString,
            ["Pass:Redis:Configuration"] = redis,
            ["Pass:Redis:LeaseLength"] = LeaseLength.ToString(),
            ["Pass:Issuer"] = "http://pass.cluster.test/",
        });

    /// <summary>Stops or starts the fixture's own PostgreSQL (<see cref="OwnPostgres"/>), as an outage would.</summary>
    public void Postgres(bool running) =>
        Run("env", $"PG_PORT={_pgPort}", "bash", Path.Combine(RepositoryRoot(), "deploy/cluster/engines.sh"), running ? "pg-start" : "pg-stop", _engines!);

    private string StartEngines()
    {
        _engines = Path.Combine(Path.GetTempPath(), "pass-cluster-engines-" + Guid.NewGuid().ToString("N")[..8]);
        var port = _pgPort = RedisServer.FreePort();
        Run("env", $"PG_PORT={port}", $"REDIS_PORT={RedisServer.FreePort()}", "bash", Path.Combine(RepositoryRoot(), "deploy/cluster/engines.sh"), "start", _engines);
        return $"Host=127.0.0.1;Port={port};Username=pass;Maximum Pool Size=40";
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Pass.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Pass.sln not found above the test binaries.");
    }
}
