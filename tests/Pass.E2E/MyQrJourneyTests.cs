using Microsoft.Playwright;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

public class MyQrJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    [Fact]
    public async Task A_person_shows_a_qr_code_and_sees_it_used_by_the_terminal_without_reload()
    {
        await App.CreatePersonAsync("vera@test.local", "Vera Chen");
        await SignInAsync(Page, "vera@test.local");

        await Page.GotoAsync("/me/qr");
        var image = Page.Locator("[data-testid=qr-image]");
        await Expect(image).ToBeVisibleAsync(new() { Timeout = Patience });
        var code = await image.GetAttributeAsync("data-value");
        Assert.False(string.IsNullOrEmpty(code));
        await Expect(Page.Locator("[data-testid=qr-status]")).ToHaveAttributeAsync("data-status", "unused");
        var navigations = 0;
        Page.FrameNavigated += (_, frame) => navigations += frame == Page.MainFrame ? 1 : 0;

        // The terminal scans the code and redeems it, as a subsystem does.
        await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", code!));

        await Expect(Page.Locator("[data-testid=qr-status]")).ToHaveAttributeAsync("data-status", "used", new() { Timeout = Patience });
        await Expect(Page.Locator("[data-testid=qr-used-by]")).ToHaveTextAsync("Used by Test terminal-1");
        Assert.Equal(0, navigations);
        await ScreenshotAsync(Page, "my-qr-used");
    }

    [Fact]
    public async Task My_qr_code_reached_through_the_menu_turns_used_when_a_terminal_scans_it_off_the_screen()
    {
        await App.CreatePersonAsync("vic@test.local", "Vic Tan");
        await SignInAsync(Page, "vic@test.local");
        await WaitInteractiveAsync(Page);

        await Page.Locator("#nav-my-qr").ClickAsync();

        await ScanAndExpectUsedAsync(Page, "Used by Test terminal-1");
    }

    [Fact]
    public async Task On_a_phone_in_chinese_the_menu_leads_to_my_qr_code_and_it_turns_used()
    {
        await App.CreatePersonAsync("mei@test.local", "Mei Zhou");
        var phone = await NewContextAsync("zh-CN", viewport: Phone);
        var page = await phone.NewPageAsync();
        try
        {
            await SignInAsync(page, "mei@test.local");
            await WaitInteractiveAsync(page);

            // On a phone the menu is folded away behind the app bar's button.
            await Expect(page.Locator("#nav-my-qr")).Not.ToBeInViewportAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
            await page.Locator("#nav-my-qr").ClickAsync();

            await ScanAndExpectUsedAsync(page, "已被 Test terminal-1 使用");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= Phone.Width, $"the page is {width} px wide on a {Phone.Width} px phone");
        }
        finally
        {
            await phone.DisposeAsync();
        }
    }

    /// <summary>The terminal reads the code off the screen and redeems it over HTTP; the page turns used by itself.</summary>
    private async Task ScanAndExpectUsedAsync(IPage page, string usedBy)
    {
        var image = page.Locator("[data-testid=qr-image]");
        await Expect(image).ToBeVisibleAsync(new() { Timeout = Patience });
        await Expect(page.Locator("[data-testid=qr-status]")).ToHaveAttributeAsync("data-status", "unused");
        var scanned = await ScreenQrReader.ReadAsync(image);

        await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", scanned));

        await Expect(page.Locator("[data-testid=qr-status]")).ToHaveAttributeAsync("data-status", "used", new() { Timeout = Patience });
        await Expect(page.Locator("[data-testid=qr-used-by]")).ToHaveTextAsync(usedBy);
    }

    [Fact]
    public async Task Switching_to_chinese_turns_the_navigation_and_the_page_title_chinese()
    {
        await App.CreatePersonAsync("wen@test.local", "Wen Li");
        await SignInAsync(Page, "wen@test.local");
        await Page.GotoAsync("/me/qr");
        await Expect(Page.Locator("#nav-my-qr")).ToContainTextAsync("My QR code", new() { Timeout = Patience });
        await WaitInteractiveAsync(Page);

        await Page.Locator("#language-zh").ClickAsync();

        await Expect(Page.Locator("#nav-my-qr")).ToContainTextAsync("我的二维码", new() { Timeout = Patience });
        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("我的二维码"));
        Assert.EndsWith("/me/qr", Page.Url);
        await ScreenshotAsync(Page, "my-qr-zh");
    }
}
