using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>"Sign in with Pass": the authorization code flow with PKCE, consent, userinfo, through OpenIddict.</summary>
public class SignInWithPassTests : PassTestBase
{
    private const string Callback = "https://site.test/callback";
    private const string Person = "iris@test.local";

    private PortalSession _browser = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await App.CreatePersonAsync(Person, "Iris Chen");
        _browser = await PortalSession.SignInAsync(App, Person, followRedirects: false);
    }

    public override async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await base.DisposeAsync();
    }

    private static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string AuthorizeUrl(string challenge, string redirect = Callback, string scope = "openid profile email", string? extra = null) =>
        QueryHelpers.AddQueryString(PassRoutes.Authorize, new Dictionary<string, string?>
        {
            ["client_id"] = TestClient.Site.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirect,
            ["scope"] = scope,
            ["state"] = "state-1",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }) + extra;

    /// <summary>Follows the authorize request through consent (when asked) to the redirect back to the site.</summary>
    private async Task<Uri> AuthorizeAsync(string url, string decision = "accept")
    {
        var response = await _browser.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Absolute(response.Headers.Location!);
        if (location.AbsolutePath != PassRoutes.Consent)
        {
            return location;
        }

        var page = await _browser.Http.GetStringAsync(location);
        Assert.Contains("Test web-site", page);
        var form = QueryHelpers.ParseQuery(location.Query).Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())).ToList();
        form.Add(KeyValuePair.Create("decision", decision));
        var decided = await _browser.Http.PostAsync(PassRoutes.Authorize, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        return Absolute(decided.Headers.Location!);
    }

    private static Uri Absolute(Uri location) => location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);

    private Task<HttpResponseMessage> RedeemAsync(string code, string? verifier, string redirect = Callback)
    {
        var fields = new List<(string, string)> { ("grant_type", "authorization_code"), ("code", code) };
        if (verifier is not null)
        {
            fields.Add(("code_verifier", verifier));
        }

        fields.Add(("redirect_uri", redirect));
        return Api.TokenAsync(TestClient.Site, [.. fields]);
    }

    [Fact]
    public async Task A_person_consents_and_the_site_gets_tokens_an_id_token_and_userinfo()
    {
        var (verifier, challenge) = NewPkce();
        var back = await AuthorizeAsync(AuthorizeUrl(challenge));
        Assert.StartsWith(Callback, back.OriginalString);
        var query = QueryHelpers.ParseQuery(back.Query);
        Assert.Equal("state-1", query["state"]);

        var redeemed = await RedeemAsync(query["code"]!, verifier);
        var body = JsonDocument.Parse(await redeemed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        var idToken = new JsonWebToken(body.GetProperty("id_token").GetString());
        Assert.Equal(TestClient.Site.ClientId, idToken.Audiences.Single());
        Assert.Equal("Iris Chen", idToken.GetClaim("name").Value);

        var request = new HttpRequestMessage(HttpMethod.Get, PassRoutes.UserInfo);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        var userInfo = JsonDocument.Parse(await (await Api.Http.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(idToken.Subject, userInfo.GetProperty("sub").GetString());
        Assert.Equal(Person, userInfo.GetProperty("email").GetString());
        Assert.False(userInfo.TryGetProperty("phone_number", out _));
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(body.GetProperty("access_token").GetString())).StatusCode);
    }

    [Fact]
    public async Task The_id_token_is_signed_with_the_published_rsa_key_and_no_shared_key_is_published()
    {
        var (verifier, challenge) = NewPkce();
        var back = await AuthorizeAsync(AuthorizeUrl(challenge));
        var redeemed = await RedeemAsync(QueryHelpers.ParseQuery(back.Query)["code"]!, verifier);
        var idToken = JsonDocument.Parse(await redeemed.Content.ReadAsStringAsync()).RootElement.GetProperty("id_token").GetString()!;

        var metadata = JsonDocument.Parse(await Api.Http.GetStringAsync(PassRoutes.Metadata)).RootElement;
        var jwks = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(await Api.Http.GetStringAsync(metadata.GetProperty("jwks_uri").GetString()));
        Assert.NotEmpty(jwks.Keys);
        Assert.All(jwks.Keys, key => Assert.Equal("RSA", key.Kty));
        Assert.All(jwks.Keys, key => Assert.Null(key.K));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new Microsoft.IdentityModel.Tokens.TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAudience = TestClient.Site.ClientId,
            ValidateIssuer = false,
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.StartsWith("RS", new JsonWebToken(idToken).Alg);
    }

    [Fact]
    public async Task Consent_is_asked_once_and_remembered()
    {
        await AuthorizeAsync(AuthorizeUrl(NewPkce().Challenge));

        var again = await _browser.Http.GetAsync(AuthorizeUrl(NewPkce().Challenge));
        Assert.StartsWith(Callback, again.Headers.Location!.OriginalString);
        Assert.Contains("code=", again.Headers.Location.Query);
    }

    [Fact]
    public async Task A_person_who_cancels_sends_the_site_access_denied()
    {
        var back = await AuthorizeAsync(AuthorizeUrl(NewPkce().Challenge), decision: "deny");
        Assert.Equal("access_denied", QueryHelpers.ParseQuery(back.Query)["error"]);
    }

    [Fact]
    public async Task A_consent_answer_without_the_antiforgery_token_is_not_taken()
    {
        using var bare = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var cookie in _browser.Http.DefaultRequestHeaders.Where(h => h.Key == "Cookie"))
        {
            bare.DefaultRequestHeaders.Add(cookie.Key, cookie.Value);
        }

        var consent = Absolute((await _browser.Http.GetAsync(AuthorizeUrl(NewPkce().Challenge))).Headers.Location!);
        var form = QueryHelpers.ParseQuery(consent.Query).Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())).Append(KeyValuePair.Create("decision", "accept"));
        var forged = await bare.PostAsync(PassRoutes.Authorize, new FormUrlEncodedContent(form));
        Assert.DoesNotContain("code=", forged.Headers.Location?.Query ?? "");
    }

    private async Task<string> CodeAsync(string challenge) =>
        QueryHelpers.ParseQuery((await AuthorizeAsync(AuthorizeUrl(challenge))).Query)["code"].ToString();

    [Fact]
    public async Task A_code_needs_its_own_verifier_and_is_one_time()
    {
        var wrong = await CodeAsync(NewPkce().Challenge);
        Assert.Equal("invalid_grant", (await OAuthApi.ErrorOf(await RedeemAsync(wrong, NewPkce().Verifier))).Error);

        var missing = await CodeAsync(NewPkce().Challenge);
        Assert.Equal("invalid_request", (await OAuthApi.ErrorOf(await RedeemAsync(missing, verifier: null))).Error);

        var (verifier, challenge) = NewPkce();
        var code = await CodeAsync(challenge);
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(code, verifier)).StatusCode);
        Assert.Equal("invalid_grant", (await OAuthApi.ErrorOf(await RedeemAsync(code, verifier))).Error);
    }

    [Fact]
    public async Task A_redirect_uri_that_is_not_registered_exactly_is_refused_without_a_redirect()
    {
        var response = await _browser.Http.GetAsync(AuthorizeUrl(NewPkce().Challenge, redirect: Callback + "/../evil"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        response = await _browser.Http.GetAsync(AuthorizeUrl(NewPkce().Challenge, redirect: "https://evil.test/callback"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Only_s256_pkce_is_accepted()
    {
        // Refused at Pass, not sent back: the request itself is malformed.
        var plain = AuthorizeUrl("a-plain-challenge-that-is-long-enough-0123456789").Replace("code_challenge_method=S256", "code_challenge_method=plain");
        var response = await _browser.Http.GetAsync(plain);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("code_challenge_method", await response.Content.ReadAsStringAsync());

        var none = AuthorizeUrl("x").Replace("&code_challenge=x&code_challenge_method=S256", "");
        response = await _browser.Http.GetAsync(none);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_and_prompt_none_says_login_required()
    {
        using var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = AuthorizeUrl(NewPkce().Challenge);
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);

        var silent = (await anonymous.GetAsync(url + "&prompt=none")).Headers.Location!;
        Assert.Equal("login_required", QueryHelpers.ParseQuery(silent.Query)["error"]);
        var noConsent = (await _browser.Http.GetAsync(url + "&prompt=none")).Headers.Location!;
        Assert.Equal("consent_required", QueryHelpers.ParseQuery(noConsent.Query)["error"]);

        // OpenIddict's default error_uri here describes access_denied; the error and its description say it all.
        Assert.False(QueryHelpers.ParseQuery(silent.Query).ContainsKey("error_uri"), silent.Query);
        Assert.False(QueryHelpers.ParseQuery(noConsent.Query).ContainsKey("error_uri"), noConsent.Query);
    }

    [Fact]
    public async Task Discovery_names_the_endpoints_and_only_s256()
    {
        var metadata = JsonDocument.Parse(await Api.Http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.EndsWith(PassRoutes.Authorize, metadata.GetProperty("authorization_endpoint").GetString());
        Assert.EndsWith(PassRoutes.UserInfo, metadata.GetProperty("userinfo_endpoint").GetString());
        Assert.EndsWith(PassRoutes.EndSession, metadata.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["S256"], metadata.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Signing_out_from_the_site_ends_the_pass_session_and_returns_only_to_a_registered_address()
    {
        var back = await _browser.Http.GetAsync($"{PassRoutes.EndSession}?post_logout_redirect_uri={Uri.EscapeDataString(Callback)}&client_id={TestClient.Site.ClientId}");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(Callback, back.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _browser.Http.GetAsync(PassRoutes.Me)).StatusCode);

        using var other = await PortalSession.SignInAsync(App, Person, followRedirects: false);
        var evil = await other.Http.GetAsync($"{PassRoutes.EndSession}?post_logout_redirect_uri={Uri.EscapeDataString("https://evil.test/")}");
        Assert.NotEqual("https://evil.test/", evil.Headers.Location?.OriginalString);
    }

    private async Task<JsonElement> SignInTokensAsync(string scope, string? extra = null)
    {
        var (verifier, challenge) = NewPkce();
        var back = await AuthorizeAsync(AuthorizeUrl(challenge, scope: scope, extra: extra));
        var redeemed = await RedeemAsync(QueryHelpers.ParseQuery(back.Query)["code"]!, verifier);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        return JsonDocument.Parse(await redeemed.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_id_token_says_when_and_how_the_person_signed_in_and_which_session_and_a_refresh_keeps_it()
    {
        var signedInAt = App.Time.GetUtcNow().ToUnixTimeSeconds();
        App.Time.Advance(TimeSpan.FromMinutes(10));
        var body = await SignInTokensAsync("openid offline_access", "&max_age=3600");
        var idToken = new JsonWebToken(body.GetProperty("id_token").GetString());

        Assert.InRange(long.Parse(idToken.GetClaim("auth_time").Value), signedInAt - 5, signedInAt + 5);
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(idToken.EncodedPayload)).RootElement;
        Assert.Equal(JsonValueKind.Number, payload.GetProperty("auth_time").ValueKind);
        Assert.Equal(JsonValueKind.Array, payload.GetProperty("amr").ValueKind);
        Assert.Equal(["pwd"], payload.GetProperty("amr").EnumerateArray().Select(e => e.GetString()));
        var sid = payload.GetProperty("sid").GetString();
        Assert.False(string.IsNullOrEmpty(sid));

        var refreshed = await Api.TokenOkRawAsync(TestClient.Site, ("grant_type", "refresh_token"), ("refresh_token", body.GetProperty("refresh_token").GetString()!));
        var again = JsonDocument.Parse(Base64UrlEncoder.Decode(new JsonWebToken(refreshed.GetProperty("id_token").GetString()).EncodedPayload)).RootElement;
        Assert.Equal(payload.GetProperty("auth_time").GetInt64(), again.GetProperty("auth_time").GetInt64());
        Assert.Equal(sid, again.GetProperty("sid").GetString());
        Assert.Equal(["pwd"], again.GetProperty("amr").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Max_age_shorter_than_the_sign_in_asks_again_and_a_new_sign_in_starts_a_new_session()
    {
        var first = new JsonWebToken((await SignInTokensAsync("openid")).GetProperty("id_token").GetString());
        App.Time.Advance(TimeSpan.FromMinutes(5));

        var response = await _browser.Http.GetAsync(AuthorizeUrl(NewPkce().Challenge, scope: "openid", extra: "&max_age=60"));
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);

        using var again = await PortalSession.SignInAsync(App, Person, followRedirects: false);
        var (verifier, challenge) = NewPkce();
        var back = (await again.Http.GetAsync(AuthorizeUrl(challenge, scope: "openid", extra: "&max_age=60"))).Headers.Location!;
        var redeemed = await RedeemAsync(QueryHelpers.ParseQuery(Absolute(back).Query)["code"]!, verifier);
        var second = new JsonWebToken(JsonDocument.Parse(await redeemed.Content.ReadAsStringAsync()).RootElement.GetProperty("id_token").GetString());
        Assert.True(long.Parse(second.GetClaim("auth_time").Value) >= long.Parse(first.GetClaim("auth_time").Value) + 300);
        Assert.NotEqual(first.GetClaim("sid").Value, second.GetClaim("sid").Value);
    }

    [Theory]
    [InlineData("openid", new string[0])]
    [InlineData("openid profile", new[] { "name", "preferred_username" })]
    [InlineData("openid email", new[] { "email", "email_verified" })]
    public async Task The_id_token_and_userinfo_carry_the_claims_of_the_scopes_granted_and_no_more(string scope, string[] expected)
    {
        var body = await SignInTokensAsync(scope);
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(new JsonWebToken(body.GetProperty("id_token").GetString()).EncodedPayload)).RootElement;
        string[] personal = ["name", "preferred_username", "email", "email_verified", "phone_number", "phone_number_verified", "role"];
        Assert.Equal(expected.Order(), personal.Where(c => payload.TryGetProperty(c, out _)).Order());

        var request = new HttpRequestMessage(HttpMethod.Get, PassRoutes.UserInfo);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        var userInfo = await Api.Http.SendAsync(request);
        Assert.Equal("no-store", userInfo.Headers.CacheControl?.ToString());
        var claims = JsonDocument.Parse(await userInfo.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(expected.Order(), personal.Where(c => claims.TryGetProperty(c, out _)).Order());
    }

    [Fact]
    public async Task Discovery_lists_the_claims_pass_gives_and_only_client_authentication_that_works()
    {
        var metadata = JsonDocument.Parse(await Api.Http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var claims = metadata.GetProperty("claims_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "sub", "auth_time", "amr", "sid", "name", "email", "phone_number" }, claims.ToHashSet());
        var methods = metadata.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.DoesNotContain("private_key_jwt", methods);
        Assert.Contains("client_secret_basic", methods);
        Assert.Contains("client_secret_post", methods);
    }

    [Fact]
    public async Task A_code_redeemed_without_verifier_and_redirect_uri_says_what_is_missing()
    {
        var code = await CodeAsync(NewPkce().Challenge);
        var error = await OAuthApi.ErrorOf(await Api.TokenAsync(TestClient.Site, ("grant_type", "authorization_code"), ("code", code)));
        Assert.True(error.Error == "invalid_request", code);
        Assert.True(error.ErrorDescription?.Contains("code_verifier") == true, code);
    }

    [Fact]
    public async Task Client_credentials_with_openid_is_invalid_scope_not_an_empty_id_token()
    {
        var response = await Api.TokenAsync(TestClient.Terminal, ("grant_type", "client_credentials"), ("scope", "openid"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", (await OAuthApi.ErrorOf(response)).Error);
        Assert.Equal(HttpStatusCode.OK, (await Api.TokenAsync(TestClient.Terminal, ("grant_type", "client_credentials"))).StatusCode);
    }

    [Fact]
    public async Task A_form_post_answer_carries_a_script_its_content_security_policy_allows()
    {
        await AuthorizeAsync(AuthorizeUrl(NewPkce().Challenge)); // consent given once
        var response = await _browser.Http.GetAsync(AuthorizeUrl(NewPkce().Challenge) + "&response_mode=form_post");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"action=\"{Callback}\"", page);
        Assert.Contains("name=\"code\"", page);

        var script = System.Text.RegularExpressions.Regex.Match(page, "<script>(.*?)</script>").Groups[1].Value;
        var hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";
        var scriptSrc = response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Single(d => d.Trim().StartsWith("script-src"));
        Assert.Contains(hash, scriptSrc);
    }

    [Fact]
    public async Task Ui_locales_from_the_site_sets_the_language_of_the_sign_in_and_consent_pages()
    {
        using var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = (await anonymous.GetAsync(AuthorizeUrl(NewPkce().Challenge) + "&ui_locales=zh-CN%20en")).Headers.Location!;
        var page = await anonymous.GetStringAsync(login);
        Assert.Contains("lang=\"zh-CN\"", page);

        var consent = Absolute((await _browser.Http.GetAsync(AuthorizeUrl(NewPkce().Challenge) + "&ui_locales=zh")).Headers.Location!);
        Assert.Contains("lang=\"zh-CN\"", await _browser.Http.GetStringAsync(consent));
        var english = Absolute((await _browser.Http.GetAsync(AuthorizeUrl(NewPkce().Challenge) + "&ui_locales=fr%20en-GB")).Headers.Location!);
        Assert.Contains("lang=\"en\"", await _browser.Http.GetStringAsync(english));

        // A sign-in page whose return address carries no ui_locales is just the sign-in page.
        var plain = (await anonymous.GetAsync(AuthorizeUrl(NewPkce().Challenge))).Headers.Location!;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(plain)).StatusCode);
    }
}
