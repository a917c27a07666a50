using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

public class MessagesJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    private async Task SendAsync(string sub, string title, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.Message)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("sub", sub), KeyValuePair.Create("title", title), KeyValuePair.Create("body", body),
                KeyValuePair.Create("link", "https://canteen.example.edu/orders/42")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TerminalTokenAsync());
        using var response = await Api.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task On_a_phone_in_chinese_a_subsystems_message_rings_the_bell_and_appears_in_my_messages_without_reload_and_can_be_muted()
    {
        var mei = await App.CreatePersonAsync("mei@test.local", "Mei Zhou");
        var phone = await NewContextAsync("zh-CN", viewport: Phone);
        var page = await phone.NewPageAsync();
        try
        {
            await SignInAsync(page, "mei@test.local");
            await WaitInteractiveAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
            await page.Locator("#nav-my-messages").ClickAsync();
            await Expect(page.Locator("[data-testid=inbox-empty]")).ToBeVisibleAsync(new() { Timeout = Patience });
            await Expect(page.Locator("#inbox-bell")).ToHaveAttributeAsync("data-unread", "0", new() { Timeout = Patience });
            var navigations = 0;
            page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

            await SendAsync(mei, "午餐已备好", "3 号窗口，订单 42。");

            await Expect(page.Locator("#inbox-bell")).ToHaveAttributeAsync("data-unread", "1", new() { Timeout = Patience });
            await Expect(page.Locator("[data-testid=notice-title]")).ToHaveTextAsync("午餐已备好", new() { Timeout = Patience });
            await Expect(page.Locator("[data-testid=notice-link]")).ToHaveAttributeAsync("target", "_blank");
            Assert.Equal(0, navigations);

            await page.Locator("[data-testid=notice-read]").ClickAsync();
            await Expect(page.Locator("#inbox-bell")).ToHaveAttributeAsync("data-unread", "0", new() { Timeout = Patience });
            await page.Locator("[data-testid=notice-mute]").ClickAsync();
            await Expect(page.Locator("[data-testid=inbox-muted] [data-client=terminal-1]")).ToBeVisibleAsync(new() { Timeout = Patience });
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= Phone.Width, $"the page is {width} px wide on a {Phone.Width} px phone");
            await ScreenshotAsync(page, "my-messages-phone-zh");
        }
        finally
        {
            await phone.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reporting_my_card_lost_puts_a_security_notice_in_my_messages()
    {
        var vera = await App.CreatePersonAsync("vera@test.local", "Vera Chen");
        await App.WithScopeAsync(async sp =>
        {
            var cards = sp.GetRequiredService<Pass.Web.Cards.CardService>();
            return (await cards.BindCardAsync(vera, "04A23B1C", Pass.Shared.Cards.CardReaderFormat.HexUid, vera)).Succeeded;
        });
        await SignInAsync(Page, "vera@test.local");
        await WaitInteractiveAsync(Page);

        await Page.Locator("#nav-my-cards").ClickAsync();
        await Page.Locator("[data-testid=card-report-lost]").ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Report lost" }).ClickAsync();
        await Expect(Page.Locator("#inbox-bell")).ToHaveAttributeAsync("data-unread", "1", new() { Timeout = Patience });
        await Page.Locator("#inbox-bell").ClickAsync();

        await Expect(Page.Locator("[data-testid=notice-title]")).ToHaveTextAsync("Card reported lost", new() { Timeout = Patience });
        await Expect(Page.Locator("[data-testid=notice-body]")).ToContainTextAsync("••••3B1C");
    }
}
