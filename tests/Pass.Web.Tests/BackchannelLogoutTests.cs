using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>OIDC Back-Channel Logout 1.0: every site a person signed in to hears, by a signed logout token, when that ends.</summary>
public class BackchannelLogoutTests : AdminTestBase
{
    private const string Person = "lin@test.local";
    private const string Callback = "https://library.test/callback";
    private LogoutReceiver _site = null!;
    private string _clientId = null!;
    private string _clientSecret = null!;
    private string _userId = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _site = await LogoutReceiver.StartAsync();
        var registered = await Admin.ReadAsync<ClientSecretResponse>(await Admin.PostAsync(PassRoutes.Clients, new RegisterClientRequest(
            "Library", [PassGrantTypes.AuthorizationCode], RedirectUris: [Callback], BackchannelLogoutUri: _site.LogoutUri)), HttpStatusCode.Created);
        (_clientId, _clientSecret) = (registered.ClientId, registered.ClientSecret!);
        _userId = await App.CreatePersonAsync(Person);
    }

    public override async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Signs the person in to the library through Pass; returns the id_token's sid and the portal session.</summary>
    private async Task<(string Sid, PortalSession Browser)> SignInToTheSiteAsync()
    {
        var browser = await PortalSession.SignInAsync(App, Person, followRedirects: false);
        var verifier = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var url = QueryHelpers.AddQueryString(PassRoutes.Authorize, new Dictionary<string, string?>
        {
            ["client_id"] = _clientId, ["response_type"] = "code", ["redirect_uri"] = Callback, ["scope"] = "openid",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
        var asked = await browser.Http.GetAsync(url);
        Assert.True(asked.Headers.Location is not null, $"{asked.StatusCode} {asked.RequestMessage?.RequestUri} {await asked.Content.ReadAsStringAsync()}");
        var consent = asked.Headers.Location!;
        var form = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), consent).Query).Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))
            .Append(KeyValuePair.Create("decision", "accept"));
        await browser.Http.GetStringAsync(consent);
        var back = (await browser.Http.PostAsync(PassRoutes.Authorize, new FormUrlEncodedContent(form))).Headers.Location!;
        var tokens = await Api.TokenOkRawAsync(new TestClient(_clientId, _clientSecret, null), ("grant_type", "authorization_code"),
            ("code", QueryHelpers.ParseQuery(back.Query)["code"]!), ("redirect_uri", Callback), ("code_verifier", verifier));
        return (new JsonWebToken(tokens.GetProperty("id_token").GetString()).GetClaim("sid").Value, browser);
    }

    /// <summary>Checks the token as a site's OIDC library would: signature from Pass's keys, issuer, audience, event, no nonce.</summary>
    private async Task<JsonWebToken> ValidateAsync(string logoutToken)
    {
        var jwks = new JsonWebKeySet(await Api.Http.GetStringAsync("/.well-known/jwks"));
        var metadata = JsonDocument.Parse(await Api.Http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(logoutToken, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidIssuer = metadata.GetProperty("issuer").GetString(),
            ValidAudience = _clientId,
            ValidTypes = ["logout+jwt"],
            LifetimeValidator = (_, _, _, _) => true, // the fake clock is not the validator's
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.True(token.TryGetPayloadValue<JsonElement>("events", out var events), token.EncodedPayload);
        Assert.True(events.TryGetProperty("http://schemas.openid.net/event/backchannel-logout", out _));
        Assert.False(token.TryGetClaim("nonce", out _));
        Assert.Equal(_userId, token.Subject);
        return token;
    }

    [Fact]
    public async Task Signing_out_of_pass_tells_the_site_which_session_ended()
    {
        var (sid, browser) = await SignInToTheSiteAsync();
        using (browser)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync(PassRoutes.Api + "/account/logout")).StatusCode);
        }

        var token = await ValidateAsync(await _site.NextAsync());
        Assert.Equal(sid, token.GetClaim("sid").Value);
    }

    [Fact]
    public async Task Locking_a_person_ends_every_session_at_the_site()
    {
        var (_, browser) = await SignInToTheSiteAsync();
        browser.Dispose();

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"{PassRoutes.Users}/{_userId}/lock")).StatusCode);

        var token = await ValidateAsync(await _site.NextAsync());
        Assert.False(token.TryGetClaim("sid", out _));
    }

    [Fact]
    public async Task A_site_that_is_down_hears_later()
    {
        var (_, browser) = await SignInToTheSiteAsync();
        browser.Dispose();
        _site.FailNext = 2;

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"{PassRoutes.Users}/{_userId}/reset-password")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await _site.NextAnswerAsync());
        Assert.False(_site.TryTake(out _));

        App.Time.Advance(TimeSpan.FromSeconds(31)); // the first pause
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await _site.NextAnswerAsync());
        App.Time.Advance(TimeSpan.FromSeconds(90)); // twice as long (and a tick of the sender past it)
        await ValidateAsync(await _site.NextAsync());
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], _site.Answers);
    }

    [Fact]
    public async Task A_site_the_person_never_signed_in_to_hears_nothing()
    {
        using var browser = await PortalSession.SignInAsync(App, Person, followRedirects: false);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync(PassRoutes.Api + "/account/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"{PassRoutes.Users}/{_userId}/lock")).StatusCode);

        // Nothing was written for it: the sender has nothing to deliver however long it runs.
        App.Time.Advance(TimeSpan.FromMinutes(5));
        var pending = await App.WithScopeAsync(sp => sp.GetRequiredService<Pass.Web.Data.PassDbContext>().LogoutNotices.CountAsync());
        Assert.Equal(0, pending);
        Assert.Empty(_site.Answers);
    }

    [Fact]
    public async Task A_site_that_prefers_front_channel_logout_is_loaded_in_the_sign_out_page_which_then_returns_to_the_site()
    {
        Assert.Equal(HttpStatusCode.OK, (await Admin.Http.PutAsJsonAsync($"{PassRoutes.Clients}/{_clientId}",
            new UpdateClientRequest(null, null, FrontchannelLogoutUri: "https://library.test/frontchannel-logout"))).StatusCode);
        var (sid, browser) = await SignInToTheSiteAsync();
        using (browser)
        {
            var response = await browser.Http.GetAsync($"{PassRoutes.EndSession}?client_id={_clientId}&post_logout_redirect_uri={Uri.EscapeDataString(Callback)}&state=st-9");
            var page = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var frame = System.Text.RegularExpressions.Regex.Match(page, "<iframe[^>]* src=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&");
            var query = QueryHelpers.ParseQuery(new Uri(frame).Query);
            Assert.StartsWith("https://library.test/frontchannel-logout?", frame);
            Assert.Equal(sid, query["sid"]);
            Assert.False(string.IsNullOrEmpty(query["iss"]));
            Assert.Contains("frame-src https://library.test;", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains($"url={Callback}?state=st-9", page.Replace("&amp;", "&"));
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.GetAsync(PassRoutes.Me)).StatusCode);
        }

        // The back channel hears too.
        Assert.Equal(sid, (await ValidateAsync(await _site.NextAsync())).GetClaim("sid").Value);
    }
}
