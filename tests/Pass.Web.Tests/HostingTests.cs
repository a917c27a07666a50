using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

public class HostingTests
{
    [Fact]
    public async Task Liveness_and_readiness_answer_healthy()
    {
        await using var app = new PassApplication();
        using var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(PassRoutes.Health + "/live")).StatusCode);
        Assert.Equal("Healthy", await http.GetStringAsync(PassRoutes.Health + "/ready"));
    }

    [Fact]
    [Trait(SqliteOnly.Trait, SqliteOnly.Value)]
    public async Task The_database_file_is_created_in_the_data_folder_in_wal_mode()
    {
        await using var app = new PassApplication();
        app.CreateClient().Dispose();

        var path = Path.Combine(app.DataDirectory, "pass.db");
        Assert.True(File.Exists(path));
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "keys", "signing.pfx")));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [Trait(SqliteOnly.Trait, SqliteOnly.Value)]
    [InlineData(null, 1L)]
    [InlineData("Full", 2L)]
    public async Task Commits_are_synced_as_the_durability_setting_says(string? durability, long expected)
    {
        await using var app = new PassApplication(settings: durability is null ? null : new Dictionary<string, string> { ["Pass:Durability"] = durability });

        var synchronous = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Pass.Web.Data.PassDbContext>().Database;
            await db.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var command = db.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        });

        Assert.Equal(expected, synchronous); // 1 = NORMAL, 2 = FULL
    }

    [Fact]
    public async Task A_qr_code_lifetime_above_ten_minutes_refuses_to_start()
    {
        await using var app = new PassApplication(settings: new Dictionary<string, string> { ["Pass:Qr:CodeLifetime"] = "00:10:01" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.IsType<OptionsValidationException>(error.GetBaseException());
    }

    [Fact]
    public async Task A_configured_client_with_a_short_secret_refuses_to_start_and_names_the_client()
    {
        await using var app = new PassApplication(settings: new Dictionary<string, string>
        {
            ["Pass:Clients:9:ClientId"] = "weak-pos",
            ["Pass:Clients:9:ClientSecret"] = "short",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("weak-pos", error.GetBaseException().Message);
    }

    [Fact]
    public async Task A_configured_qr_code_lifetime_is_used()
    {
        await using var app = new PassApplication(settings: new Dictionary<string, string> { ["Pass:Qr:CodeLifetime"] = "00:00:30" });
        var api = new OAuthApi(app.CreateClient());
        await app.CreatePersonAsync("sam@test.local");
        var token = (await api.PersonTokensAsync("sam@test.local")).AccessToken;

        var code = await api.CreateQrOkAsync(token);

        Assert.Equal(30, code.ExpiresIn);
    }

    [Fact]
    public async Task The_first_start_seeds_the_roles_and_the_administrator_once()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "pass-tests", Guid.NewGuid().ToString("N"));
        try
        {
            for (var start = 0; start < 2; start++)
            {
                await using var app = new PassApplication(dataDirectory);
                using var admin = await PortalSession.AdminAsync(app);
                var me = await admin.ReadAsync<Pass.Shared.Users.Me>(await admin.Http.GetAsync(PassRoutes.Me));
                Assert.Contains(PassRoles.Admin, me.Roles);
                var admins = await admin.ReadAsync<Pass.Shared.PagedResult<Pass.Shared.Users.UserSummary>>(await admin.Http.GetAsync($"{PassRoutes.Users}?q={PassApplication.AdminEmail}"));
                Assert.Equal(1, admins.Total);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
