using System.Net;
using System.Net.Http.Json;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Pass.Shared.Tokens;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>Every revocation path makes the very next check_token answer 401, even for a token check_token has cached.</summary>
public class RevocationTests : AdminTestBase
{
    private async Task<(string UserId, List<string> Tokens)> PersonWithCachedTokensAsync(int count = 3)
    {
        var email = $"p-{Guid.NewGuid():N}@test.local";
        var userId = await App.CreatePersonAsync(email);
        var tokens = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var token = (await Api.PersonTokensAsync(email)).AccessToken;
            Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(token)).StatusCode);
            tokens.Add(token);
        }

        return (userId, tokens);
    }

    private async Task AssertAllDeadAsync(IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            await CheckTokenTests.AssertInvalidToken(await Api.CheckAsync(token));
        }
    }

    [Fact]
    public async Task Revoking_all_tokens_of_a_person_kills_each_on_the_next_check_and_spares_others()
    {
        var (userId, tokens) = await PersonWithCachedTokensAsync();
        var (_, bystander) = await PersonWithCachedTokensAsync(1);

        var result = await Admin.ReadAsync<RevokeResult>(await Admin.PostAsync($"{PassRoutes.Tokens}/users/{userId}/revoke"));

        Assert.True(result.Revoked >= 3);
        await AssertAllDeadAsync(tokens);
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(bystander[0])).StatusCode);
    }

    [Fact]
    public async Task Revoking_one_token_from_theAdmin_list_kills_only_that_one()
    {
        var (userId, tokens) = await PersonWithCachedTokensAsync(2);
        var list = await Admin.ReadAsync<Pass.Shared.PagedResult<TokenView>>(await Admin.Http.GetAsync($"{PassRoutes.Tokens}?userId={userId}"));
        var newestAccess = list.Items.First(t => t.Type == "access_token");
        Assert.EndsWith("@test.local>", newestAccess.SubjectName);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.Http.DeleteAsync($"{PassRoutes.Tokens}/{newestAccess.Id}")).StatusCode);

        var answers = await Task.WhenAll(tokens.Select(t => Api.CheckAsync(t)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Unauthorized);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoking_all_tokens_of_a_client_kills_its_terminal_and_person_tokens()
    {
        var terminal = await Api.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(terminal)).StatusCode);
        var other = await Api.TerminalTokenAsync(TestClient.Bare);

        var result = await Admin.ReadAsync<RevokeResult>(await Admin.PostAsync($"{PassRoutes.Tokens}/clients/{TestClient.Terminal.ClientId}/revoke"));

        Assert.Equal(1, result.Revoked);
        await CheckTokenTests.AssertInvalidToken(await Api.CheckAsync(terminal));
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Locking_a_person_kills_their_tokens_and_refuses_new_ones()
    {
        var (userId, tokens) = await PersonWithCachedTokensAsync();

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"{PassRoutes.Users}/{userId}/lock")).StatusCode);

        await AssertAllDeadAsync(tokens);
    }

    [Fact]
    public async Task Deleting_a_person_kills_their_tokens()
    {
        var (userId, tokens) = await PersonWithCachedTokensAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.Http.DeleteAsync($"{PassRoutes.Users}/{userId}")).StatusCode);

        await AssertAllDeadAsync(tokens);
    }

    [Fact]
    public async Task Disabling_a_client_kills_its_tokens_and_refuses_its_requests()
    {
        var terminal = await Api.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(terminal)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsync($"{PassRoutes.Clients}/{TestClient.Terminal.ClientId}/disable")).StatusCode);

        await CheckTokenTests.AssertInvalidToken(await Api.CheckAsync(terminal));
        var refused = await Api.TokenAsync(TestClient.Terminal, ("grant_type", "client_credentials"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(OAuthErrors.InvalidClient, (await OAuthApi.ErrorOf(refused)).Error);
    }

    [Fact]
    public async Task A_person_revokes_their_own_tokens_from_my_tokens()
    {
        var email = $"p-{Guid.NewGuid():N}@test.local";
        await App.CreatePersonAsync(email);
        var token = (await Api.PersonTokensAsync(email)).AccessToken;
        using var me = await PortalSession.SignInAsync(App, email);

        var mine = await me.ReadAsync<Pass.Shared.PagedResult<TokenView>>(await me.Http.GetAsync($"{PassRoutes.Me}/tokens"));
        Assert.Equal(2, mine.Total);
        await me.ReadAsync<RevokeResult>(await me.PostAsync($"{PassRoutes.Me}/tokens/revoke-all"));

        await CheckTokenTests.AssertInvalidToken(await Api.CheckAsync(token));
    }

    [Fact]
    public async Task A_person_cannot_revoke_someone_elses_token()
    {
        var (victimId, tokens) = await PersonWithCachedTokensAsync(1);
        var list = await Admin.ReadAsync<Pass.Shared.PagedResult<TokenView>>(await Admin.Http.GetAsync($"{PassRoutes.Tokens}?userId={victimId}"));
        var email = $"p-{Guid.NewGuid():N}@test.local";
        await App.CreatePersonAsync(email);
        using var attacker = await PortalSession.SignInAsync(App, email);

        var attempt = await attacker.Http.DeleteAsync($"{PassRoutes.Me}/tokens/{list.Items[0].Id}");

        Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(tokens[0])).StatusCode);
    }

    [Fact]
    public async Task A_rotated_refresh_token_used_twice_revokes_the_whole_family()
    {
        var email = $"p-{Guid.NewGuid():N}@test.local";
        await App.CreatePersonAsync(email);
        var first = await Api.PersonTokensAsync(email);

        var second = await Api.TokenOkAsync(TestClient.App, ("grant_type", "refresh_token"), ("refresh_token", first.RefreshToken!));
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(second.AccessToken)).StatusCode);
        App.Time.Advance(TimeSpan.FromSeconds(11)); // past the retry grace
        var reuse = await Api.TokenAsync(TestClient.App, ("grant_type", "refresh_token"), ("refresh_token", first.RefreshToken!));

        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(reuse)).Error);
        await CheckTokenTests.AssertInvalidToken(await Api.CheckAsync(second.AccessToken));
        var rotated = await Api.TokenAsync(TestClient.App, ("grant_type", "refresh_token"), ("refresh_token", second.RefreshToken!));
        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(rotated)).Error);
    }

    [Fact]
    public async Task A_refresh_retried_within_the_grace_gets_the_same_new_pair_and_signs_nobody_out()
    {
        var email = $"p-{Guid.NewGuid():N}@test.local";
        await App.CreatePersonAsync(email);
        var first = await Api.PersonTokensAsync(email);

        var answer = await Api.TokenOkAsync(TestClient.App, ("grant_type", "refresh_token"), ("refresh_token", first.RefreshToken!));
        App.Time.Advance(TimeSpan.FromSeconds(3));
        var retried = await Api.TokenOkAsync(TestClient.App, ("grant_type", "refresh_token"), ("refresh_token", first.RefreshToken!));

        Assert.Equal(answer, retried);
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(answer.AccessToken)).StatusCode);
        var next = await Api.TokenOkAsync(TestClient.App, ("grant_type", "refresh_token"), ("refresh_token", answer.RefreshToken!));
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(next.AccessToken)).StatusCode);

        // Only the client the token belongs to hears the answer again; the secret is checked.
        var wrongSecret = await Api.TokenAsync(TestClient.App with { Secret = "not-the-secret-0123456789abcdef" },
            ("grant_type", "refresh_token"), ("refresh_token", answer.RefreshToken!));
        Assert.Equal(OAuthErrors.InvalidClient, (await OAuthApi.ErrorOf(wrongSecret)).Error);
    }
}
