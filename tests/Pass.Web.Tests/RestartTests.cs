using System.Net;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

public class RestartTests
{
    [Fact]
    public async Task Tokens_issued_before_a_restart_stay_valid_after_it_and_revoked_ones_stay_dead()
    {
        string live, revoked;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "pass-tests", Guid.NewGuid().ToString("N"));
        await using (var first = new PassApplication(dataDirectory))
        {
            var api = new OAuthApi(first.CreateClient());
            live = await api.TerminalTokenAsync();
            revoked = await api.TerminalTokenAsync();
            await api.Http.PostAsync(Pass.Shared.Oauth.PassRoutes.Revoke, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = revoked,
                ["client_id"] = TestClient.Terminal.ClientId,
                ["client_secret"] = TestClient.Terminal.Secret,
            }));
        }

        try
        {
            await using var second = new PassApplication(dataDirectory);
            var api = new OAuthApi(second.CreateClient());

            Assert.Equal(HttpStatusCode.OK, (await api.CheckAsync(live)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.CheckAsync(revoked)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
