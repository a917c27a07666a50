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
    public async Task Switching_to_chinese_turns_the_navigation_and_the_page_title_chinese()
    {
        await App.CreatePersonAsync("wen@test.local", "Wen Li");
        await SignInAsync(Page, "wen@test.local");
        await Page.GotoAsync("/me/qr");
        await Expect(Page.Locator("#nav-my-qr")).ToContainTextAsync("My QR code", new() { Timeout = Patience });
        await WaitInteractiveAsync(Page);

        await Page.Locator("#language-menu button, button#language-menu").First.ClickAsync();
        await Page.Locator("#language-zh").ClickAsync();

        await Expect(Page.Locator("#nav-my-qr")).ToContainTextAsync("我的二维码", new() { Timeout = Patience });
        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("我的二维码"));
        Assert.EndsWith("/me/qr", Page.Url);
        await ScreenshotAsync(Page, "my-qr-zh");
    }
}
