using System.Net.Http.Json;
using Microsoft.Playwright;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

/// <summary>Every main page as an administrator, light and dark; the screenshots land in test-results/ (a set is kept in docs/screenshots).</summary>
public class ScreenshotTourTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    private static readonly (string Path, string Name, string Heading)[] Pages =
    [
        ("/", "home", "Unified sign-in"),
        ("/me/qr", "my-qr", "My QR code"),
        ("/me/cards", "my-cards", "My cards"),
        ("/me/tokens", "my-tokens", "My tokens"),
        ("/helpdesk/cards", "card-desk", "Card desk"),
        ("/admin", "dashboard", "Dashboard"),
        ("/admin/users", "people", "People"),
        ("/admin/clients", "clients", "Clients"),
        ("/admin/tokens", "tokens", "Tokens"),
        ("/admin/qr", "qr-board", "Live QR board"),
        ("/admin/audit", "audit", "Audit log"),
        ("/login/qr", "kiosk", "Sign in with your phone"),
    ];

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Every_main_page_renders_for_an_administrator(string scheme)
    {
        await SeedAsync();
        await using var context = await NewContextAsync(scheme: scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = await context.NewPageAsync();
        await SignInAsync(page, PassApplication.AdminEmail, PassApplication.AdminPassword);

        foreach (var (path, name, heading) in Pages)
        {
            await page.GotoAsync(path);
            await WaitInteractiveAsync(page);
            await Expect(page.Locator("h1")).ToHaveTextAsync(heading, new() { Timeout = Patience });
            await Expect(page.Locator("#theme-toggle")).ToHaveAttributeAsync("aria-label", scheme == "dark" ? "Light mode" : "Dark mode");
            await ScreenshotAsync(page, $"{scheme}-{name}");
        }

        // The account pages are server-rendered forms in the same look, in the theme chosen in this browser:
        // the dark pass chooses it there with the toggle (no script of the portal runs on those pages but pass.js).
        foreach (var (path, name, heading) in AccountPages)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("main h2").First).ToHaveTextAsync(heading, new() { Timeout = Patience });
            if (scheme == "dark" && await page.Locator("#theme-toggle").GetAttributeAsync("aria-label") == "Dark mode")
            {
                await page.Locator("#theme-toggle").ClickAsync();
            }

            await Expect(page.Locator("#theme-toggle")).ToHaveAttributeAsync("aria-label", scheme == "dark" ? "Light mode" : "Dark mode", new() { Timeout = Patience });
            await ScreenshotAsync(page, $"{scheme}-{name}");
        }
    }

    private static readonly (string Path, string Name, string Heading)[] AccountPages =
    [
        ("/Account/Manage/ChangePassword", "change-password", "Change password"),
        ("/Account/Manage", "profile", "Profile"),
    ];

    // A person with a card, tokens and a used QR code, so the pages have something to show.
    private async Task SeedAsync()
    {
        var me = await Api.PersonTokensAsync(PassApplication.AdminEmail, PassApplication.AdminPassword);
        using var admin = await PortalSession.AdminAsync(App);
        var self = await admin.ReadAsync<Pass.Shared.Users.Me>(await admin.Http.GetAsync(PassRoutes.Me));
        await admin.PostAsync(PassRoutes.Cards, new BindCardRequest(self.Id, "04:A2:3B:1C", CardReaderFormat.HexUid));
        var code = await Api.CreateQrOkAsync(me.AccessToken);
        await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", code.AuthCode));
        await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", PassGrantTypes.Card), ("card_number", "04A23B1C"));
    }
}
