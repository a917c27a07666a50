using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Pass.Shared.Oauth;
using Pass.Web.Data;

namespace Pass.Web.Tests.Infrastructure;

/// <summary>
/// Pass on a real SQLite file in a temp folder, with a fake clock. A second instance on the same
/// <see cref="DataDirectory"/> is a restart.
/// </summary>
public sealed class PassApplication(string? dataDirectory = null, bool productionLogging = false, DateTimeOffset? startAt = null,
    IReadOnlyDictionary<string, string>? settings = null, bool realClock = false, string environment = "Development")
    : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Password-1";
    public const string PersonPassword = "Person-Password-1";

    private readonly bool _ownsData = dataDirectory is null;

    /// <summary>Every log line the host wrote (only with productionLogging, at the shipped log levels).</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Starts on a whole microsecond: PostgreSQL keeps times to the microsecond, so a test's "now" reads back equal.</summary>
    public FakeTimeProvider Time { get; } = new(WholeMicroseconds(startAt ?? TimeProvider.System.GetUtcNow()));

    private static DateTimeOffset WholeMicroseconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % 10), time.Offset);

    public string DataDirectory { get; } = dataDirectory ?? Path.Combine(Path.GetTempPath(), "pass-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Pass:DataDirectory", DataDirectory);
        builder.UseSetting("Pass:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Pass:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Pass:DemoClient", "false");
        if (PostgresServer is { } server)
        {
            // The matrix's PostgreSQL leg: one database per data folder, so a second instance on it is a restart.
            builder.UseSetting("Pass:Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Pass", $"{server};Database={DatabaseName}");
        }

        if (productionLogging)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
        else
        {
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging", "Warning");
        }
        for (var i = 0; i < TestClient.All.Count; i++)
        {
            var client = TestClient.All[i];
            builder.UseSetting($"Pass:Clients:{i}:ClientId", client.ClientId);
            builder.UseSetting($"Pass:Clients:{i}:ClientSecret", client.Secret);
            builder.UseSetting($"Pass:Clients:{i}:DisplayName", "Test " + client.ClientId);
            if (client.ReaderFormat is { } format)
            {
                builder.UseSetting($"Pass:Clients:{i}:ReaderFormat", format.ToString());
            }

            for (var g = 0; g < client.Grants.Length; g++)
            {
                builder.UseSetting($"Pass:Clients:{i}:Grants:{g}", client.Grants[g]);
            }

            builder.UseSetting($"Pass:Clients:{i}:MayIntrospect", client.MayIntrospect.ToString());
            for (var p = 0; p < client.Permissions.Count; p++)
            {
                builder.UseSetting($"Pass:Clients:{i}:Permissions:{p}", client.Permissions[p]);
            }

            for (var r = 0; r < client.RedirectUris.Count; r++)
            {
                builder.UseSetting($"Pass:Clients:{i}:RedirectUris:{r}", client.RedirectUris[r]);
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (!realClock)
        {
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            });
        }
    }

    /// <summary>Creates a person with <see cref="PersonPassword"/> straight in the store; returns the id.</summary>
    public async Task<string> CreatePersonAsync(string? email = null, string? displayName = null, params string[] roles)
    {
        email ??= $"p-{Guid.NewGuid():N}@test.local";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? "Test Person", CreatedAt = Time.GetUtcNow() };
        var result = await users.CreateAsync(user, PersonPassword);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, [PassRoles.User, .. roles]);
        return user.Id;
    }

    /// <summary>Many people at once, without passwords (no hashing), for races across people; returns their ids.</summary>
    public async Task<List<string>> CreatePeopleAsync(int count)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var email = $"many-{i}-{Guid.NewGuid():N}@test.local";
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Person {i}", CreatedAt = Time.GetUtcNow() };
            var result = await users.CreateAsync(user);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            ids.Add(user.Id);
        }

        return ids;
    }

    /// <summary>Serves on real Kestrel at 127.0.0.1 (any free port), for a real browser; returns the address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!;
        var address = new Uri(addresses.Addresses.First());
        ClientOptions.BaseAddress = address;
        KestrelAddress = address;
        return address;
    }

    /// <summary>Where Kestrel listens, once <see cref="StartKestrel"/> has run.</summary>
    public Uri? KestrelAddress { get; private set; }

    /// <summary>A browser-like client (its own cookies): over sockets when Kestrel runs, else in memory.</summary>
    public HttpClient CreateBrowserClient(bool followRedirects) => KestrelAddress is { } kestrel
        ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = kestrel,
        }
        : CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, BaseAddress = ClientOptions.BaseAddress });

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>
    /// <c>PASS_TEST_POSTGRES</c> (a connection string without a database, e.g. from deploy/cluster/engines.sh) runs the
    /// suite on PostgreSQL instead of SQLite.
    /// </summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable("PASS_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>The PostgreSQL database of this host on the matrix's PostgreSQL leg; null on SQLite.</summary>
    public string? ConnectionString => PostgresServer is { } server ? $"{server};Database={DatabaseName}" : null;

    private string DatabaseName => "pass_" + Path.GetFileName(DataDirectory.TrimEnd(Path.DirectorySeparatorChar)).ToLowerInvariant();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (PostgresServer is { } server && _ownsData)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection($"{server};Database=postgres");
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_ownsData && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
