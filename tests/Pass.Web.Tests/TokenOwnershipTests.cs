using System.Net;
using System.Text.Json;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>RFC 7009 §2.1 and RFC 7662 §4: a client revokes and introspects its own tokens; only a resource server sees others'.</summary>
public class TokenOwnershipTests : PassTestBase
{
    private async Task<TokenResponse> PersonAppTokensAsync(string scope = "offline_access")
    {
        var email = $"p-{Guid.NewGuid():N}@test.local";
        await App.CreatePersonAsync(email);
        return await Api.PersonTokensAsync(email, scope: scope);
    }

    private Task<HttpResponseMessage> RevokeAsync(TestClient caller, string token) =>
        Api.Http.PostAsync(PassRoutes.Revoke, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["client_id"] = caller.ClientId, ["client_secret"] = caller.Secret,
        }));

    private async Task<(HttpResponseMessage Response, JsonElement Body)> IntrospectAsync(TestClient caller, string token)
    {
        var response = await Api.Http.PostAsync(PassRoutes.Introspect, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["client_id"] = caller.ClientId, ["client_secret"] = caller.Secret,
        }));
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task Another_client_cannot_revoke_a_persons_tokens_but_their_own_client_can()
    {
        var tokens = await PersonAppTokensAsync();

        var foreign = await RevokeAsync(TestClient.Terminal, tokens.AccessToken);
        Assert.True((int)foreign.StatusCode is 200 or 400, $"{foreign.StatusCode}");
        await RevokeAsync(TestClient.Terminal, tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(tokens.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.TokenAsync(TestClient.App, ("grant_type", "refresh_token"), ("refresh_token", tokens.RefreshToken!))).StatusCode);

        var fresh = await PersonAppTokensAsync();
        Assert.Equal(HttpStatusCode.OK, (await RevokeAsync(TestClient.App, fresh.AccessToken)).StatusCode);
        await CheckTokenTests.AssertInvalidToken(await Api.CheckAsync(fresh.AccessToken));
    }

    [Fact]
    public async Task Introspection_answers_the_tokens_own_client_and_a_resource_server_and_nobody_else()
    {
        var tokens = await PersonAppTokensAsync();

        var (own, ownBody) = await IntrospectAsync(TestClient.App, tokens.AccessToken);
        Assert.True(ownBody.GetProperty("active").GetBoolean());
        Assert.Equal(TestClient.App.ClientId, ownBody.GetProperty("client_id").GetString());
        Assert.Equal("no-store", own.Headers.CacheControl?.ToString());

        var (_, resourceServer) = await IntrospectAsync(TestClient.ResourceServer, tokens.AccessToken);
        Assert.True(resourceServer.GetProperty("active").GetBoolean());
        Assert.False(string.IsNullOrEmpty(resourceServer.GetProperty("sub").GetString()));

        var (foreign, foreignBody) = await IntrospectAsync(TestClient.Terminal, tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.False(foreignBody.GetProperty("active").GetBoolean());
        Assert.False(foreignBody.TryGetProperty("sub", out _));

        // A refresh token is its client's alone, resource server or not.
        Assert.False((await IntrospectAsync(TestClient.ResourceServer, tokens.RefreshToken!)).Body.GetProperty("active").GetBoolean());
        Assert.True((await IntrospectAsync(TestClient.App, tokens.RefreshToken!)).Body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Introspecting_an_id_token_or_garbage_is_inactive_not_an_error()
    {
        var tokens = await Api.TokenOkAsync(TestClient.App, ("grant_type", "password"), ("username", await NewPersonAsync()),
            ("password", PassApplication.PersonPassword), ("scope", "openid"));
        var raw = JsonDocument.Parse(await (await Api.TokenAsync(TestClient.App, ("grant_type", "password"), ("username", await NewPersonAsync()),
            ("password", PassApplication.PersonPassword), ("scope", "openid"))).Content.ReadAsStringAsync()).RootElement;
        Assert.NotNull(tokens.AccessToken);

        foreach (var token in new[] { raw.GetProperty("id_token").GetString()!, "not-a-token", new string('a', 5000) })
        {
            var (response, body) = await IntrospectAsync(TestClient.App, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(body.GetProperty("active").GetBoolean());
            Assert.False(body.TryGetProperty("error", out _));
        }
    }

    [Fact]
    public async Task Check_token_still_answers_any_subsystem_handed_a_persons_token()
    {
        var tokens = await PersonAppTokensAsync();
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(tokens.AccessToken)).StatusCode);
    }

    private async Task<string> NewPersonAsync()
    {
        var email = $"p-{Guid.NewGuid():N}@test.local";
        await App.CreatePersonAsync(email);
        return email;
    }
}
