using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>Abuse limits: per client or address on the token endpoint, per address on check_token and sign-in, per person on QR codes.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly PassApplication _app = new(settings: new Dictionary<string, string>
    {
        ["Pass:RateLimits:TokenPerSecond"] = "5",
        ["Pass:RateLimits:CheckTokenPerSecond"] = "5",
        ["Pass:RateLimits:SignInPerMinute"] = "3",
        ["Pass:RateLimits:QrSessionsPerPersonPerMinute"] = "3",
        ["Pass:RateLimits:PersonLookupPerMinute"] = "3",
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_client_over_its_token_rate_gets_429_with_retry_after_and_another_client_is_not_slowed()
    {
        var http = _app.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await http.SendAsync(Basic(TestClient.Terminal)));
        }

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(OAuthErrors.TooManyRequests, error.GetProperty("error").GetString());

        // Another client's requests are counted apart: refused for its own reason (no client_credentials), not for the rate.
        var other = await http.SendAsync(Basic(TestClient.DecimalTerminal));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task Check_token_over_the_address_rate_gets_429_with_retry_after()
    {
        var api = new OAuthApi(_app.CreateClient());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await api.CheckAsync("no-such-token")).StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_address_rate_get_429_before_any_password_is_checked()
    {
        var http = _app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest(PassApplication.AdminEmail, "wrong"))).StatusCode);
        }

        var refused = await http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest(PassApplication.AdminEmail, PassApplication.AdminPassword));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_portal_sign_in_form_counts_its_posts_toward_the_address_rate_but_not_its_page_views()
    {
        var http = _app.CreateBrowserClient(followRedirects: false);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/Account/Login")).StatusCode);
        }

        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = PassApplication.AdminEmail, ["Input.Password"] = "wrong" });
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.PostAsync("/Account/Login", form())).StatusCode);
        }

        var refused = await http.PostAsync("/Account/Login", form());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.StartsWith("Too many attempts", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Person_lookups_over_the_address_rate_get_429_before_the_token_is_read()
    {
        var http = _app.CreateClient();
        var lookup = () => new HttpRequestMessage(HttpMethod.Get, $"{PassRoutes.User}?sub=nobody") { Headers = { Authorization = new("Bearer", "not-a-token") } };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(lookup())).StatusCode);
        }

        var refused = await http.SendAsync(lookup());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal(OAuthErrors.TooManyRequests, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_person_may_create_only_so_many_qr_codes_a_minute()
    {
        var email = "qr-limit@test.local";
        await _app.CreatePersonAsync(email);
        var api = new OAuthApi(_app.CreateClient());
        var bearer = (await api.PersonTokensAsync(email)).AccessToken;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.CreateQrAsync(bearer, $"limit-{i}")).StatusCode);
        }

        var refused = await api.CreateQrAsync(bearer, "limit-3");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal(HttpStatusCode.NotFound, (await api.QrStatusAsync(bearer, "limit-3")).StatusCode);

        _app.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await api.CreateQrAsync(bearer, "limit-3")).StatusCode);
    }

    [Fact]
    public async Task The_portal_counts_toward_the_same_per_person_qr_limit()
    {
        var email = "portal-qr-limit@test.local";
        await _app.CreatePersonAsync(email);
        var api = new OAuthApi(_app.CreateClient());
        var bearer = (await api.PersonTokensAsync(email)).AccessToken;
        using var portal = await PortalSession.SignInAsync(_app, email);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateQrAsync(bearer, "app-0")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.PostAsync(PassRoutes.Me + "/qr")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.PostAsync(PassRoutes.Me + "/qr")).StatusCode);

        var refused = await portal.PostAsync(PassRoutes.Me + "/qr");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await api.CreateQrAsync(bearer, "app-1")).StatusCode);

        _app.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await portal.PostAsync(PassRoutes.Me + "/qr")).StatusCode);
    }

    [Fact]
    public async Task Turning_the_limits_off_turns_off_the_per_person_qr_limit_too()
    {
        await using var app = new PassApplication(settings: new Dictionary<string, string>
        {
            ["Pass:RateLimits:Enabled"] = "false",
            ["Pass:RateLimits:QrSessionsPerPersonPerMinute"] = "1",
        });
        await app.CreatePersonAsync("no-limit@test.local");
        var api = new OAuthApi(app.CreateClient());
        var bearer = (await api.PersonTokensAsync("no-limit@test.local")).AccessToken;

        Assert.Equal(HttpStatusCode.OK, (await api.CreateQrAsync(bearer, "free-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateQrAsync(bearer, "free-2")).StatusCode);
    }

    private static HttpRequestMessage Basic(TestClient client) => new(HttpMethod.Post, PassRoutes.Token)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.Secret}"))) },
        Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]),
    };
}
