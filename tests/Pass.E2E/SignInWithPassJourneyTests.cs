using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Oauth;
using Pass.Web.Clients;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

public class SignInWithPassJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    [Fact]
    public async Task A_web_subsystem_signs_a_person_in_with_pass_after_consent()
    {
        await App.CreatePersonAsync("iris@test.local", "Iris Chen");
        await using var site = await WebSubsystem.StartAsync(BaseAddress);
        await App.WithScopeAsync(sp => sp.GetRequiredService<ClientRegistry>().RegisterAsync(
            "Canteen", [PassGrantTypes.AuthorizationCode], null, WebSubsystem.ClientId, WebSubsystem.ClientSecret,
            redirectUris: [site.RedirectUri]));

        // The site sends the person to Pass, who signs in, allows the site once, and is sent back signed in.
        await Page.GotoAsync(new Uri(site.Address, "/").ToString());
        await Page.Locator("#site-sign-in").ClickAsync();
        await FillSignInAsync(Page, "iris@test.local");
        await Expect(Page.Locator("[data-testid=consent-client]")).ToContainTextAsync("Canteen", new() { Timeout = Patience });
        await ScreenshotAsync(Page, "consent");
        await Page.Locator("#consent-accept").ClickAsync();
        await Expect(Page.Locator("#site-user")).ToHaveTextAsync("Signed in as Iris Chen (iris@test.local)", new() { Timeout = Patience });

        // The next time there is no question; the person can withdraw the site on their account page.
        await Page.GotoAsync(new Uri(site.Address, "/login").ToString());
        await Expect(Page.Locator("#site-user")).ToContainTextAsync("Iris Chen", new() { Timeout = Patience });
        await Page.GotoAsync(new Uri(BaseAddress, "/Account/Manage/ConnectedSites").ToString());
        await Expect(Page.Locator("[data-testid=sites]")).ToContainTextAsync("Canteen", new() { Timeout = Patience });
        // It asks first: dismissed, the site stays; accepted, it goes.
        var asked = new List<string>();
        void Dismiss(object? _, Microsoft.Playwright.IDialog dialog) { asked.Add(dialog.Message); _ = dialog.DismissAsync(); }
        Page.Dialog += Dismiss;
        await Page.Locator("[data-testid=sites-withdraw]").ClickAsync();
        Assert.StartsWith("Withdraw Canteen?", Assert.Single(asked));
        await Expect(Page.Locator("[data-testid=sites]")).ToContainTextAsync("Canteen");
        Page.Dialog -= Dismiss;
        Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await Page.Locator("[data-testid=sites-withdraw]").ClickAsync();
        await Expect(Page.Locator("[data-testid=sites-none]")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Page.GotoAsync(new Uri(site.Address, "/login").ToString());
        await Expect(Page.Locator("[data-testid=consent-client]")).ToContainTextAsync("Canteen", new() { Timeout = Patience });
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_at_pass()
    {
        await using var site = await WebSubsystem.StartAsync(BaseAddress);
        await App.WithScopeAsync(sp => sp.GetRequiredService<ClientRegistry>().RegisterAsync(
            "Canteen", [PassGrantTypes.AuthorizationCode], null, WebSubsystem.ClientId, WebSubsystem.ClientSecret,
            redirectUris: [site.RedirectUri]));
        await App.CreatePersonAsync("jo@test.local", "Jo");
        await SignInAsync(Page, "jo@test.local");

        var response = await Page.GotoAsync($"{PassRoutes.Authorize}?client_id={WebSubsystem.ClientId}&response_type=code&scope=openid"
            + $"&redirect_uri={Uri.EscapeDataString("https://evil.test/callback")}&code_challenge=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG&code_challenge_method=S256");
        Assert.Equal(400, response!.Status);
        Assert.StartsWith(BaseAddress.ToString(), Page.Url);
    }
}
