using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Oauth;
using Pass.Web.Clients;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

/// <summary>A site on ASP.NET Core's own OpenID Connect handler signs people in with Pass in Chromium, and hears when they leave.</summary>
public class OidcRelyingPartyJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    private const string Person = "iris@test.local";

    private async Task<(OidcSite Site, string UserId)> StartSiteAsync(string responseMode)
    {
        var userId = await App.CreatePersonAsync(Person, "Iris Chen");
        var site = await OidcSite.StartAsync(BaseAddress, responseMode);
        await App.WithScopeAsync(sp => sp.GetRequiredService<ClientRegistry>().RegisterAsync(
            "Library", [PassGrantTypes.AuthorizationCode], null, OidcSite.ClientId, OidcSite.ClientSecret,
            redirectUris: [site.Callback, site.SignedOutCallback], addresses: new ClientAddresses([], site.BackchannelLogoutUri, null)));
        return (site, userId);
    }

    private async Task SignInToTheSiteAsync(OidcSite site)
    {
        await Page.GotoAsync(new Uri(site.Address, "/").ToString());
        await Page.Locator("#site-sign-in").ClickAsync();
        await FillSignInAsync(Page, Person);
        await Page.Locator("#consent-accept").ClickAsync(new() { Timeout = Patience });
        await Expect(Page.Locator("#site-user")).ToHaveTextAsync("Signed in as Iris Chen", new() { Timeout = Patience });
    }

    [Theory]
    [InlineData("query")]
    [InlineData("form_post")]
    public async Task A_dotnet_site_signs_a_person_in_and_out_and_hears_the_sign_out_on_the_back_channel(string responseMode)
    {
        var (site, _) = await StartSiteAsync(responseMode);
        await using var running = site;

        await SignInToTheSiteAsync(site);
        await Expect(Page.Locator("#site-amr")).ToHaveTextAsync("pwd");
        Assert.True(long.TryParse(await Page.Locator("#site-auth-time").InnerTextAsync(), out _));

        // Signing out at the site ends the Pass session too and comes back to the site.
        await Page.Locator("#site-sign-out").ClickAsync();
        await Expect(Page.Locator("#site-anonymous")).ToBeVisibleAsync(new() { Timeout = Patience });
        var logout = await site.NextLogoutAsync();
        Assert.True(logout.TryGetClaim("sid", out _));
        await Page.GotoAsync(new Uri(BaseAddress, "/Account/Manage").ToString());
        await Expect(Page.Locator("[id='Input.Email']")).ToBeVisibleAsync(new() { Timeout = Patience });
    }

    [Fact]
    public async Task Prompt_none_says_login_required_and_max_age_zero_asks_for_the_password_again()
    {
        var (site, _) = await StartSiteAsync("query");
        await using var running = site;

        await Page.GotoAsync(new Uri(site.Address, "/login?prompt=none").ToString());
        await Expect(Page.Locator("#site-error")).ToContainTextAsync("login_required", new() { Timeout = Patience });

        await SignInToTheSiteAsync(site);
        var first = long.Parse(await Page.Locator("#site-auth-time").InnerTextAsync());

        // A signed-in person: prompt=none comes straight back; max_age=0 means "sign in again now".
        await Page.GotoAsync(new Uri(site.Address, "/login?prompt=none").ToString());
        await Expect(Page.Locator("#site-user")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Page.GotoAsync(new Uri(site.Address, "/login?maxAge=0").ToString());
        await FillSignInAsync(Page, Person);
        await Expect(Page.Locator("#site-user")).ToBeVisibleAsync(new() { Timeout = Patience });
        Assert.True(long.Parse(await Page.Locator("#site-auth-time").InnerTextAsync()) >= first);
    }

    [Fact]
    public async Task Locking_a_person_signs_them_out_of_the_site_through_the_back_channel()
    {
        var (site, userId) = await StartSiteAsync("form_post");
        await using var running = site;
        await SignInToTheSiteAsync(site);

        using var admin = await PortalSession.AdminAsync(App);
        Assert.True((await admin.PostAsync($"{PassRoutes.Users}/{userId}/lock")).IsSuccessStatusCode);

        var logout = await site.NextLogoutAsync();
        Assert.Equal(userId, logout.Subject);
        await Page.GotoAsync(new Uri(site.Address, "/").ToString());
        await Expect(Page.Locator("#site-anonymous")).ToBeVisibleAsync(new() { Timeout = Patience });
    }
}
