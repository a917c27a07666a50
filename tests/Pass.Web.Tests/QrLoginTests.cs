using System.Net;
using System.Net.Http.Json;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

public class QrLoginTests : PassTestBase
{
    private string _personToken = "";
    private string _personId = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _personId = await App.CreatePersonAsync("carol@test.local");
        _personToken = (await Api.PersonTokensAsync("carol@test.local")).AccessToken;
    }

    [Fact]
    public async Task A_session_id_that_exists_gets_409_and_the_generator_can_retry_with_another()
    {
        await Api.CreateQrOkAsync(_personToken, "fixed-session");

        var again = await Api.CreateQrAsync(_personToken, "fixed-session");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(OAuthErrors.Conflict, (await OAuthApi.ErrorOf(again)).Error);
        await Api.CreateQrOkAsync(_personToken, "fixed-session-2");
    }

    [Fact]
    public async Task A_code_has_at_least_128_bits_and_lives_the_configured_lifetime()
    {
        var code = await Api.CreateQrOkAsync(_personToken);

        Assert.True(code.AuthCode.Length >= 22);
        Assert.Equal(120, code.ExpiresIn);
    }

    [Fact]
    public async Task The_status_turns_from_unused_to_used_when_a_terminal_redeems_the_code()
    {
        var code = await Api.CreateQrOkAsync(_personToken, "watch-me");
        Assert.Equal(QrSessionStatus.Unused, await StatusAsync("watch-me"));

        var redeemed = await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", code.AuthCode));

        Assert.Equal(QrSessionStatus.Used, await StatusAsync("watch-me"));
        var check = await (await Api.CheckAsync(redeemed.AccessToken)).Content.ReadFromJsonAsync<CheckTokenResponse>();
        Assert.Equal(_personId, check!.Sub);
        Assert.Equal(TestClient.Terminal.ClientId, check.ClientId);
    }

    [Fact]
    public async Task The_pass_grant_type_redeems_a_code_like_the_seed_form()
    {
        var code = await Api.CreateQrOkAsync(_personToken);

        var response = await Api.TokenOkAsync(TestClient.DecimalTerminal, ("grant_type", PassGrantTypes.Qr), ("code", code.AuthCode));

        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(response.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task After_its_lifetime_a_code_is_expired_and_cannot_be_redeemed()
    {
        var code = await Api.CreateQrOkAsync(_personToken, "late");

        App.Time.Advance(TimeSpan.FromSeconds(121));

        Assert.Equal(QrSessionStatus.Expired, await StatusAsync("late"));
        var response = await Api.RedeemQrAsync(code.AuthCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Fact]
    public async Task An_unknown_code_is_invalid_grant()
    {
        var response = await Api.RedeemQrAsync("no-such-code");

        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Fact]
    public async Task Another_person_gets_404_for_a_session_they_did_not_create_but_an_administrator_can_read_it()
    {
        await Api.CreateQrOkAsync(_personToken, "mine");
        await App.CreatePersonAsync("mallory@test.local");
        var other = (await Api.PersonTokensAsync("mallory@test.local")).AccessToken;
        var admin = (await Api.PersonTokensAsync(PassApplication.AdminEmail, PassApplication.AdminPassword)).AccessToken;

        var stranger = await Api.QrStatusAsync(other, "mine");
        var administrator = await Api.QrStatusAsync(admin, "mine");

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(OAuthErrors.NotFound, (await OAuthApi.ErrorOf(stranger)).Error);
        Assert.Equal(HttpStatusCode.OK, administrator.StatusCode);
    }

    [Fact]
    public async Task A_replayed_code_is_invalid_grant_and_revokes_the_token_of_the_first_redemption()
    {
        var code = await Api.CreateQrOkAsync(_personToken);
        var first = await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", code.AuthCode));
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(first.AccessToken)).StatusCode);

        var replay = await Api.RedeemQrAsync(code.AuthCode, TestClient.DecimalTerminal);

        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(replay)).Error);
        await CheckTokenTests.AssertInvalidToken(await Api.CheckAsync(first.AccessToken));
    }

    [Fact]
    public async Task One_hundred_parallel_redemptions_of_one_code_give_exactly_one_token()
    {
        var code = await Api.CreateQrOkAsync(_personToken);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Api.RedeemQrAsync(code.AuthCode)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }

    [Fact]
    public async Task A_terminal_token_cannot_create_a_qr_session()
    {
        var terminal = await Api.TerminalTokenAsync();

        var response = await Api.CreateQrAsync(terminal, "terminal-session");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(OAuthErrors.AccessDenied, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Fact]
    public async Task Creating_a_session_needs_a_live_bearer_token()
    {
        var anonymous = await Api.Http.PostAsync(PassRoutes.QrCode, new FormUrlEncodedContent([KeyValuePair.Create("session", "x")]));
        var dead = await Api.CreateQrAsync("not-a-token", "x");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(OAuthErrors.InvalidToken, (await OAuthApi.ErrorOf(anonymous)).Error);
        Assert.Equal(HttpStatusCode.Unauthorized, dead.StatusCode);
    }

    [Fact]
    public async Task The_session_can_be_sent_as_json()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.QrCode) { Content = JsonContent.Create(new { session = "json-session" }) };
        request.Headers.Authorization = new("Bearer", _personToken);

        var response = await Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(QrSessionStatus.Unused, await StatusAsync("json-session"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    public async Task A_missing_or_malformed_session_is_invalid_request(string session)
    {
        var response = await Api.CreateQrAsync(_personToken, session);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OAuthErrors.InvalidRequest, (await OAuthApi.ErrorOf(response)).Error);
    }

    private async Task<QrSessionStatus> StatusAsync(string session)
    {
        var response = await Api.QrStatusAsync(_personToken, session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return System.Text.Json.JsonSerializer.Deserialize<QrStatusResponse>(body)!.Code;
    }
}
