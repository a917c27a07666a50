using Microsoft.Playwright;
using Pass.Shared.Oauth;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

public class ZzDebugFocus(ChromiumFixture chromium) : PortalTest(chromium)
{
    private static Task<string> Active(IPage page) => page.EvaluateAsync<string>("() => { const a = document.activeElement; return a ? a.tagName + ' ' + (a.getAttribute('data-testid') ?? '') + ' ' + a.className.toString().slice(0, 60) + ' ' + (a.textContent ?? '').slice(0, 30) : 'none'; }");

    [Fact]
    public async Task Debug()
    {
        await App.CreatePersonAsync("desk@test.local", "Desk Operator", PassRoles.Helpdesk);
        await App.CreatePersonAsync("xia@test.local", "Xia Ming");
        await SignInAsync(Page, "desk@test.local");
        await Page.GotoAsync("/helpdesk/cards");
        await WaitInteractiveAsync(Page);
        var person = Page.Locator("[data-testid=desk-person] input").First;
        await person.ClickAsync();
        await person.PressSequentiallyAsync("Xia");
        await Expect(Page.GetByText("<xia@test.local>")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForTimeoutAsync(1500);
        await Page.Keyboard.TypeAsync("04A23B1C");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("[data-testid=desk-report-lost]")).ToBeVisibleAsync(new() { Timeout = Patience });
        foreach (var how in new[] { "enter", "click", "escape" })
        {
            await Page.Locator("[data-testid=desk-report-lost]").ClickAsync();
            for (var i = 0; i < 4; i++) { Console.WriteLine($"[{how}] open {i}: {await Active(Page)}"); await Page.WaitForTimeoutAsync(150); }
            if (how == "enter") await Page.Keyboard.PressAsync("Enter");
            if (how == "click") await Page.Locator("[data-testid=confirm-cancel]").ClickAsync();
            if (how == "escape") await Page.Keyboard.PressAsync("Escape");
            for (var i = 0; i < 6; i++) { Console.WriteLine($"[{how}] closed {i}: {await Active(Page)} dialogs={await Page.GetByRole(AriaRole.Dialog).CountAsync()}"); await Page.WaitForTimeoutAsync(200); }
        }
        Assert.Fail("debug");
    }
}
