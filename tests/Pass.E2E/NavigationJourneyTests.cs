using Microsoft.Playwright;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

/// <summary>
/// Every page in the menu, reached through the menu as its people reach it — a desktop in English, a phone in 中文 —
/// opens with its heading, takes over interactively, raises no error in the browser and fits the screen.
/// </summary>
public class NavigationJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    private static readonly (string Id, string Path)[] AdministratorMenu =
    [
        ("nav-my-qr", "/me/qr"),
        ("nav-my-cards", "/me/cards"),
        ("nav-my-tokens", "/me/tokens"),
        ("nav-card-desk", "/helpdesk/cards"),
        ("nav-dashboard", "/admin"),
        ("nav-users", "/admin/users"),
        ("nav-clients", "/admin/clients"),
        ("nav-tokens", "/admin/tokens"),
        ("nav-qr-board", "/admin/qr"),
        ("nav-audit", "/admin/audit"),
        ("nav-sms", "/admin/sms"),
        ("nav-channels", "/admin/channels"),
        // Last: a server-rendered page (a full load), the menu still there.
        ("nav-account", "/Account/Manage"),
    ];

    [Fact]
    public async Task An_administrator_reaches_every_page_through_the_menu_on_a_desktop()
    {
        var errors = Watch(Page);
        await SignInAsync(Page, PassApplication.AdminEmail, PassApplication.AdminPassword);
        await WaitInteractiveAsync(Page);

        foreach (var (id, path) in AdministratorMenu)
        {
            await Page.Locator($"#{id}").ClickAsync();
            await ExpectOpenedAsync(Page, path, id, 1280);
        }

        Assert.True(errors.Count == 0, "the browser reported errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task A_helpdesk_operator_on_a_phone_in_chinese_reaches_every_page_of_theirs_through_the_folded_menu()
    {
        await App.CreatePersonAsync("hana@test.local", "Hana Desk", Pass.Shared.Oauth.PassRoles.Helpdesk);
        var phone = await NewContextAsync("zh-CN", viewport: Phone);
        var page = await phone.NewPageAsync();
        try
        {
            var errors = Watch(page);
            await SignInAsync(page, "hana@test.local");
            await WaitInteractiveAsync(page);
            await Expect(page.Locator("#nav-users")).ToHaveCountAsync(0);

            foreach (var (id, path) in new[] { ("nav-my-qr", "/me/qr"), ("nav-my-cards", "/me/cards"), ("nav-my-tokens", "/me/tokens"),
                         ("nav-card-desk", "/helpdesk/cards"), ("nav-account", "/Account/Manage") })
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
                await page.Locator($"#{id}").ClickAsync();
                await ExpectOpenedAsync(page, path, id, Phone.Width);
            }

            // The account pages are rendered on the server without the portal's script: the menu still opens there.
            await page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
            await page.Locator("#nav-my-qr").ClickAsync();
            await ExpectOpenedAsync(page, "/me/qr", "nav-my-qr", Phone.Width);

            Assert.True(errors.Count == 0, "the browser reported errors:\n" + string.Join("\n", errors));
        }
        finally
        {
            await phone.DisposeAsync();
        }
    }

    private static List<string> Watch(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add($"{page.Url}: uncaught {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{page.Url}: console: {message.Text}");
            }
        };
        return errors;
    }

    private static async Task ExpectOpenedAsync(IPage page, string path, string id, int width)
    {
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase), new() { Timeout = Patience });
        await Expect(page.Locator("h1").First).ToBeVisibleAsync(new() { Timeout = Patience });
        if (!path.StartsWith("/Account", StringComparison.Ordinal))
        {
            await WaitInteractiveAsync(page);
        }

        await Expect(page.Locator($"#{id}")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("active"));
        var wide = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(wide <= width, $"{path} is {wide} px wide on a {width} px screen");
    }
}
