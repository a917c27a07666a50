using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

public class CheckTokenTests : PassTestBase
{
    [Fact]
    public async Task A_live_person_token_gets_200_with_active_sub_client_id_scope_and_exp()
    {
        var userId = await App.CreatePersonAsync("alice@test.local");
        var tokens = await Api.PersonTokensAsync("alice@test.local", scope: "profile offline_access");

        var response = await Api.CheckAsync(tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal(userId, body.GetProperty("sub").GetString());
        Assert.Equal(TestClient.App.ClientId, body.GetProperty("client_id").GetString());
        Assert.Equal(["offline_access", "profile"], body.GetProperty("scope").GetString()!.Split(' ').Order());
        var expected = App.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds();
        Assert.InRange(body.GetProperty("exp").GetInt64(), expected - 2, expected + 2);
    }

    [Fact]
    public async Task A_token_whose_authorization_is_no_longer_valid_gets_401_even_though_the_token_itself_is()
    {
        await App.CreatePersonAsync("ava@test.local");
        var bearer = (await Api.PersonTokensAsync("ava@test.local")).AccessToken;
        var code = await Api.CreateQrOkAsync(bearer);
        var redeemed = JsonSerializer.Deserialize<TokenResponse>(await (await Api.RedeemQrAsync(code.AuthCode)).Content.ReadAsStringAsync())!;
        // Only the authorization is revoked, straight in the store: the token's own row still says valid.
        await App.WithScopeAsync(async services =>
        {
            var authorizations = services.GetRequiredService<OpenIddict.Abstractions.IOpenIddictAuthorizationManager>();
            var tokens = services.GetRequiredService<OpenIddict.Abstractions.IOpenIddictTokenManager>();
            var entry = (await tokens.FindByReferenceIdAsync(redeemed.AccessToken))!;
            var authorization = (await authorizations.FindByIdAsync((await tokens.GetAuthorizationIdAsync(entry))!))!;
            return await authorizations.TryRevokeAsync(authorization);
        });

        var response = await Api.CheckAsync(redeemed.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_terminal_token_checks_as_the_terminal_itself()
    {
        var token = await Api.TerminalTokenAsync();

        var response = await Api.CheckAsync(token, HttpMethod.Post);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(TestClient.Terminal.ClientId, body.GetProperty("sub").GetString());
        Assert.Equal(TestClient.Terminal.ClientId, body.GetProperty("client_id").GetString());
    }

    public static TheoryData<string> DeadAuthorizations => new()
    {
        "",
        "Bearer",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "Bearer not-a-real-token",
        "Bearer two words",
        "Bearer " + new string('x', 600),
        "Bearer \u00e9\u00e8",
    };

    [Theory]
    [MemberData(nameof(DeadAuthorizations))]
    public async Task A_missing_malformed_or_unknown_token_gets_401_invalid_token(string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, PassRoutes.CheckToken);
        if (authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await Api.Http.SendAsync(request);

        await AssertInvalidToken(response);
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        var token = await Api.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(token)).StatusCode);

        App.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        await AssertInvalidToken(await Api.CheckAsync(token));
    }

    [Fact]
    public async Task A_token_revoked_through_rfc7009_gets_401_on_the_very_next_check()
    {
        var token = await Api.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(token)).StatusCode);

        var revoke = await Api.Http.PostAsync(PassRoutes.Revoke, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["token_type_hint"] = "access_token",
            ["client_id"] = TestClient.Terminal.ClientId,
            ["client_secret"] = TestClient.Terminal.Secret,
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        await AssertInvalidToken(await Api.CheckAsync(token));
    }

    [Fact]
    public async Task A_refresh_token_is_not_accepted_as_an_access_token()
    {
        await App.CreatePersonAsync("bob@test.local");
        var tokens = await Api.PersonTokensAsync("bob@test.local");

        await AssertInvalidToken(await Api.CheckAsync(tokens.RefreshToken));
    }

    internal static async Task AssertInvalidToken(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
        Assert.Equal(OAuthErrors.InvalidToken, (await OAuthApi.ErrorOf(response)).Error);
    }
}
