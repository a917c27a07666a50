using System.Net;
using System.Net.Http.Json;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

public class AuditTrailTests : PassTestBase
{
    private async Task<List<AuditEventView>> EventsAsync(AuditEventType type)
    {
        using var admin = await PortalSession.AdminAsync(App);
        var page = await admin.ReadAsync<PagedResult<AuditEventView>>(await admin.Http.GetAsync($"{PassRoutes.Audit}?type={type}&pageSize=500"));
        return [.. page.Items];
    }

    [Fact]
    public async Task A_wrong_client_secret_is_audited_as_a_rejected_token_request_for_that_client()
    {
        await Api.TokenAsync(TestClient.Terminal with { Secret = "wrong-secret-0123456789abcdefghij" }, ("grant_type", "client_credentials"));

        var rejected = Assert.Single(await EventsAsync(AuditEventType.TokenRequestRejected));
        Assert.Equal(TestClient.Terminal.ClientId, rejected.ClientId);
        Assert.Contains(OAuthErrors.InvalidClient, rejected.Detail);
        Assert.False(rejected.Success);
    }

    [Fact]
    public async Task An_issued_token_is_audited_once()
    {
        await Api.TerminalTokenAsync();

        var issued = Assert.Single(await EventsAsync(AuditEventType.TokenIssued));
        Assert.Equal(TestClient.Terminal.ClientId, issued.ClientId);
        Assert.Empty(await EventsAsync(AuditEventType.TokenRequestRejected));
    }

    [Fact]
    public async Task An_rfc7009_revocation_is_audited()
    {
        var token = await Api.TerminalTokenAsync();

        await Api.Http.PostAsync(PassRoutes.Revoke, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["client_id"] = TestClient.Terminal.ClientId, ["client_secret"] = TestClient.Terminal.Secret,
        }));

        var revoked = Assert.Single(await EventsAsync(AuditEventType.TokenRevoked));
        Assert.Equal(TestClient.Terminal.ClientId, revoked.ClientId);
        Assert.True(revoked.Success);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_portal_sign_in_even_for_the_right_password()
    {
        await App.CreatePersonAsync("rita@test.local");
        for (var i = 0; i < 5; i++)
        {
            await Api.Http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest("rita@test.local", "wrong"));
        }

        var right = await Api.Http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest("rita@test.local", PassApplication.PersonPassword));

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains(await EventsAsync(AuditEventType.SignInFailed), e => e.Detail == "locked out");
    }
}
