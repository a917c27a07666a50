using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>Phone apps (RFC 8252) and single-page apps: public clients, PKCE, loopback on any port, CORS only for their origins.</summary>
public class ClientTypesTests : AdminTestBase
{
    private const string Person = "ada@test.local";

    private async Task<string> RegisterAsync(RegisterClientRequest request)
    {
        var response = await Admin.PostAsync(PassRoutes.Clients, request);
        var registered = await Admin.ReadAsync<ClientSecretResponse>(response, HttpStatusCode.Created);
        Assert.Null(registered.ClientSecret);
        return registered.ClientId;
    }

    private static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>The person signs in and allows the app; returns where Pass sent the browser back.</summary>
    private async Task<Uri> SignInThroughBrowserAsync(string clientId, string redirectUri, string challenge, string scope = "openid offline_access")
    {
        await App.CreatePersonAsync(Person);
        using var browser = await PortalSession.SignInAsync(App, Person, followRedirects: false);
        var url = QueryHelpers.AddQueryString(PassRoutes.Authorize, new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = redirectUri, ["scope"] = scope,
            ["state"] = "s1", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
        var consent = await browser.Http.GetAsync(url);
        Assert.True(consent.StatusCode == HttpStatusCode.Redirect, await consent.Content.ReadAsStringAsync());
        var form = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), consent.Headers.Location!).Query)
            .Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())).Append(KeyValuePair.Create("decision", "accept"));
        await browser.Http.GetStringAsync(consent.Headers.Location);
        var decided = await browser.Http.PostAsync(PassRoutes.Authorize, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        return decided.Headers.Location!;
    }

    private Task<HttpResponseMessage> RedeemPublicAsync(string clientId, string code, string redirectUri, string verifier) =>
        Api.Http.PostAsync(PassRoutes.Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
        }));

    [Fact]
    public async Task A_phone_app_signs_a_person_in_on_a_loopback_port_of_its_choosing_without_a_secret()
    {
        var clientId = await RegisterAsync(new RegisterClientRequest("Campus app", [PassGrantTypes.AuthorizationCode, PassGrantTypes.RefreshToken],
            RedirectUris: ["cn.example.campus:/oauth2redirect", "http://127.0.0.1/callback"], Type: ClientType.Native));
        var (verifier, challenge) = NewPkce();
        const string redirect = "http://127.0.0.1:53117/callback";

        var back = await SignInThroughBrowserAsync(clientId, redirect, challenge);
        Assert.StartsWith(redirect + "?", back.OriginalString);
        var tokens = JsonDocument.Parse(await (await RedeemPublicAsync(clientId, QueryHelpers.ParseQuery(back.Query)["code"]!, redirect, verifier)).Content.ReadAsStringAsync()).RootElement;
        Assert.True(tokens.TryGetProperty("id_token", out _), tokens.ToString());
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(tokens.GetProperty("access_token").GetString())).StatusCode);

        // Its refresh token is bound to it: refreshed without a secret, by it alone.
        var refreshed = await Api.Http.PostAsync(PassRoutes.Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        }));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task A_phone_app_returns_to_its_private_use_scheme_and_nowhere_else()
    {
        var clientId = await RegisterAsync(new RegisterClientRequest("Campus app", [PassGrantTypes.AuthorizationCode],
            RedirectUris: ["cn.example.campus:/oauth2redirect", "http://127.0.0.1/callback"], Type: ClientType.Native));

        var back = await SignInThroughBrowserAsync(clientId, "cn.example.campus:/oauth2redirect", NewPkce().Challenge, scope: "openid");
        Assert.StartsWith("cn.example.campus:/oauth2redirect?code=", back.OriginalString);

        using var browser = await PortalSession.SignInAsync(App, Person, followRedirects: false);
        foreach (var wrong in new[] { "http://127.0.0.1:5000/other", "http://localhost:5000/callback", "cn.example.campus:/elsewhere", "https://evil.test/callback" })
        {
            var url = $"{PassRoutes.Authorize}?client_id={clientId}&response_type=code&scope=openid&code_challenge={NewPkce().Challenge}&code_challenge_method=S256&redirect_uri={Uri.EscapeDataString(wrong)}";
            var response = await browser.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, wrong);
        }
    }

    [Theory]
    [InlineData(ClientType.Native, "http://localhost/callback", "redirectUris")]
    [InlineData(ClientType.Native, "myapp:/callback", "redirectUris")]
    [InlineData(ClientType.Spa, "https://app.example.edu/cb", "origins")]
    public async Task Registration_refuses_what_the_kind_of_client_cannot_use(ClientType type, string redirect, string field)
    {
        var response = await Admin.PostAsync(PassRoutes.Clients, new RegisterClientRequest("App", [PassGrantTypes.AuthorizationCode], RedirectUris: [redirect], Type: type));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_app_without_a_secret_gets_neither_terminal_grants_nor_a_secret_to_rotate()
    {
        var refused = await Admin.PostAsync(PassRoutes.Clients, new RegisterClientRequest("App", [PassGrantTypes.AuthorizationCode, PassGrantTypes.ClientCredentials],
            RedirectUris: ["https://app.example.edu/cb"], Type: ClientType.Spa, Origins: ["https://app.example.edu"]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var clientId = await RegisterAsync(new RegisterClientRequest("App", [PassGrantTypes.AuthorizationCode],
            RedirectUris: ["https://app.example.edu/cb"], Type: ClientType.Spa, Origins: ["https://app.example.edu"]));
        var rotate = await Admin.PostAsync($"{PassRoutes.Clients}/{clientId}/secret");
        Assert.Equal(HttpStatusCode.Conflict, rotate.StatusCode);
        var listed = await Admin.ReadAsync<List<ClientSummary>>(await Admin.Http.GetAsync(PassRoutes.Clients));
        var summary = listed.Single(c => c.ClientId == clientId);
        Assert.Equal(ClientType.Spa, summary.Type);
        Assert.Equal(["https://app.example.edu"], summary.Origins);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return await Api.Http.SendAsync(request);
    }

    [Fact]
    public async Task Only_a_single_page_apps_own_origin_gets_cors_and_only_while_it_is_enabled()
    {
        var clientId = await RegisterAsync(new RegisterClientRequest("Timetable", [PassGrantTypes.AuthorizationCode, PassGrantTypes.RefreshToken],
            RedirectUris: ["https://timetable.example.edu/callback"], Type: ClientType.Spa, Origins: ["https://timetable.example.edu"]));
        const string origin = "https://timetable.example.edu";

        foreach (var path in new[] { PassRoutes.Token, PassRoutes.UserInfo, PassRoutes.Revoke, PassRoutes.CheckToken, "/.well-known/openid-configuration", "/.well-known/jwks" })
        {
            var preflight = await PreflightAsync(path, origin);
            Assert.True(preflight.IsSuccessStatusCode, $"{path}: {preflight.StatusCode}");
            Assert.Equal(origin, preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.False(preflight.Headers.Contains("Access-Control-Allow-Credentials"));
        }

        var discovery = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        discovery.Headers.Add("Origin", origin);
        Assert.Equal(origin, (await Api.Http.SendAsync(discovery)).Headers.GetValues("Access-Control-Allow-Origin").Single());

        Assert.False((await PreflightAsync(PassRoutes.Token, "https://evil.example")).Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False((await PreflightAsync(PassRoutes.Token, "https://timetable.example.edu.evil.example")).Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False((await PreflightAsync("/api/users", origin)).Headers.Contains("Access-Control-Allow-Origin"));

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsync($"{PassRoutes.Clients}/{clientId}/disable")).StatusCode);
        Assert.False((await PreflightAsync(PassRoutes.Token, origin)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_kind_of_client_travels_by_name_and_an_unknown_kind_or_misplaced_origins_are_refused()
    {
        async Task<HttpResponseMessage> Raw(string json) =>
            await Admin.Http.PostAsync(PassRoutes.Clients, new StringContent(json, Encoding.UTF8, "application/json"));

        var byName = await Raw("""{"displayName":"App","type":"Native","grants":["authorization_code"],"redirectUris":["cn.example.campus:/cb"]}""");
        Assert.Equal(HttpStatusCode.Created, byName.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Raw("""{"displayName":"App","type":7,"grants":["authorization_code"],"redirectUris":["https://a.example/cb"]}""")).StatusCode);
        var origins = await Raw("""{"displayName":"Site","grants":["authorization_code"],"redirectUris":["https://a.example/cb"],"origins":["https://a.example"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, origins.StatusCode);
        Assert.Contains("OriginsOnlyForSpa", await origins.Content.ReadAsStringAsync());

        var listed = await Admin.Http.GetStringAsync(PassRoutes.Clients);
        Assert.Contains("\"type\":\"Native\"", listed);
    }

    [Fact]
    public async Task A_site_may_name_where_people_go_after_signing_out_besides_its_redirect_uris()
    {
        var clientId = await RegisterAsync(new RegisterClientRequest("Timetable", [PassGrantTypes.AuthorizationCode], RedirectUris: ["https://timetable.example.edu/callback"],
            Type: ClientType.Spa, Origins: ["https://timetable.example.edu"], PostLogoutRedirectUris: ["https://timetable.example.edu/"]));
        var summary = (await Admin.ReadAsync<List<ClientSummary>>(await Admin.Http.GetAsync(PassRoutes.Clients))).Single(c => c.ClientId == clientId);
        Assert.Equal(["https://timetable.example.edu/"], summary.PostLogoutRedirectUris);

        await App.CreatePersonAsync(Person);
        using var browser = await PortalSession.SignInAsync(App, Person, followRedirects: false);
        var back = await browser.Http.GetAsync($"{PassRoutes.EndSession}?client_id={clientId}&post_logout_redirect_uri={Uri.EscapeDataString("https://timetable.example.edu/")}");
        Assert.Equal("https://timetable.example.edu/", back.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Discovery_says_apps_without_a_secret_and_both_logout_channels_are_served_and_cors_answers_vary_by_origin()
    {
        await RegisterAsync(new RegisterClientRequest("Timetable", [PassGrantTypes.AuthorizationCode], RedirectUris: ["https://timetable.example.edu/callback"],
            Type: ClientType.Spa, Origins: ["https://timetable.example.edu"]));
        var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Add("Origin", "https://timetable.example.edu");
        var response = await Api.Http.SendAsync(request);
        Assert.Contains("Origin", response.Headers.Vary);
        var metadata = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("none", metadata.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.True(metadata.GetProperty("backchannel_logout_supported").GetBoolean());
        Assert.True(metadata.GetProperty("backchannel_logout_session_supported").GetBoolean());
        Assert.True(metadata.GetProperty("frontchannel_logout_supported").GetBoolean());
    }
}
