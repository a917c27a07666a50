using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>Headers and cookies every browser gets: no sniffing, no framing, no referrer, a CSP on pages, HSTS and Secure cookies under HTTPS.</summary>
public partial class SecurityHeadersTests : PassTestBase
{
    [Theory]
    [InlineData(PassRoutes.CheckToken)]
    [InlineData(PassRoutes.Api + "/no-such-thing")]
    [InlineData("/Account/Login")]
    [InlineData(PassRoutes.Metadata)]
    public async Task Every_answer_forbids_sniffing_framing_and_referrers(string path)
    {
        var response = await App.CreateClient().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task A_page_has_a_content_security_policy_whose_nonce_only_the_import_map_carries()
    {
        var http = App.CreateClient();
        var first = await http.GetAsync("/Account/Login");
        var policy = first.Headers.GetValues("Content-Security-Policy").Single();
        var html = await first.Content.ReadAsStringAsync();

        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.DoesNotContain("unsafe-eval'", policy.Replace("'wasm-unsafe-eval'", ""));
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        var importMap = WebUtility.HtmlDecode(Regex.Match(html, "<script[^>]*importmap[^>]*>").Value);
        Assert.True(importMap.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal), importMap + " / " + policy);
        Assert.Single(Regex.Matches(html, "nonce="));

        var second = (await http.GetAsync("/Account/Login")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.NotEqual(nonce, Nonce().Match(second).Groups[1].Value);
    }

    [Fact]
    public async Task Json_answers_carry_no_page_policy()
    {
        var response = await App.CreateClient().GetAsync(PassRoutes.Metadata);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Under_https_answers_carry_hsts_and_cookies_are_secure_http_only_and_same_site()
    {
        await using var production = new PassApplication(environment: "Production");
        var http = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://pass.test"), HandleCookies = false });

        var login = await http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest(PassApplication.AdminEmail, PassApplication.AdminPassword));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", login.Headers.GetValues("Strict-Transport-Security").Single());
        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        AssertLocked(session, "samesite=lax");

        var antiforgery = await http.GetAsync(PassRoutes.Antiforgery);
        AssertLocked(antiforgery.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)), "samesite=strict");

        var plain = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://pass.test") });
        Assert.False((await plain.GetAsync(PassRoutes.Health)).Headers.Contains("Strict-Transport-Security"));
    }

    private static void AssertLocked(string cookie, string sameSite)
    {
        var lower = cookie.ToLowerInvariant();
        Assert.Contains("; secure", lower);
        Assert.Contains("; httponly", lower);
        Assert.Contains("; " + sameSite, lower);
    }

    [GeneratedRegex("'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex Nonce();
}
