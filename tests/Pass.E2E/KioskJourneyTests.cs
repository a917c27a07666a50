using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

public class KioskJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    [Fact]
    public async Task A_kiosk_shows_a_qr_code_a_phone_approves_it_and_the_kiosk_becomes_signed_in()
    {
        await App.CreatePersonAsync("kim@test.local", "Kim Park");

        // The kiosk: a browser nobody is signed in to, reached from the sign-in page.
        await Page.GotoAsync("/Account/Login");
        await Page.Locator("#login-with-phone").ClickAsync();
        await Page.WaitForURLAsync("**/login/qr**");
        var qr = Page.Locator("[data-testid=kiosk-panel] [data-testid=qr-image]");
        await Expect(qr).ToBeVisibleAsync(new() { Timeout = Patience });
        var address = await qr.GetAttributeAsync("data-value");
        Assert.Contains("/login/qr/verify?user_code=", address);
        await ScreenshotAsync(Page, "kiosk-qr");

        // The phone: its own browser opens the address the QR code holds, signs in when asked, and comes back.
        var phone = await NewPageInOwnContextAsync();
        await phone.GotoAsync(new Uri(address!).PathAndQuery);
        await FillSignInAsync(phone, "kim@test.local");
        await phone.WaitForURLAsync("**/login/qr/verify?user_code=**", new() { Timeout = Patience });
        await Expect(phone.Locator("[data-testid=kiosk-device]")).ToContainTextAsync("Chrome", new() { Timeout = Patience });
        await Expect(phone.Locator("[data-testid=kiosk-address]")).ToHaveTextAsync("127.0.0.1");
        await ScreenshotAsync(phone, "kiosk-verify");
        await phone.Locator("#kiosk-approve").ClickAsync();
        await Expect(phone.Locator("[data-testid=kiosk-verify-result]")).ToHaveAttributeAsync("data-result", "approved", new() { Timeout = Patience });

        // The kiosk signs in by itself, with no one touching it.
        await Expect(Page.Locator("#signed-in-as")).ToHaveTextAsync("kim@test.local", new() { Timeout = Patience });
        Assert.DoesNotContain("/login/qr", Page.Url);
    }

    [Fact]
    public async Task A_denied_request_tells_the_kiosk_and_offers_a_new_code()
    {
        await App.CreatePersonAsync("lee@test.local", "Lee Ho");
        await Page.GotoAsync("/login/qr?device=Front%20desk%20PC");
        var qr = Page.Locator("[data-testid=kiosk-panel] [data-testid=qr-image]");
        await Expect(qr).ToBeVisibleAsync(new() { Timeout = Patience });
        var address = await qr.GetAttributeAsync("data-value");

        var phone = await NewPageInOwnContextAsync();
        await SignInAsync(phone, "lee@test.local");
        await phone.GotoAsync(new Uri(address!).PathAndQuery);
        await Expect(phone.Locator("[data-testid=kiosk-device]")).ToHaveTextAsync("Front desk PC", new() { Timeout = Patience });
        await phone.Locator("#kiosk-deny").ClickAsync();
        await Expect(phone.Locator("[data-testid=kiosk-verify-result]")).ToHaveAttributeAsync("data-result", "denied", new() { Timeout = Patience });

        await Expect(Page.Locator("[data-testid=kiosk-panel]")).ToHaveAttributeAsync("data-status", "denied", new() { Timeout = Patience });
        await Page.Locator("[data-testid=kiosk-new]").ClickAsync();
        await Expect(Page.Locator("[data-testid=kiosk-panel]")).ToHaveAttributeAsync("data-status", "pending", new() { Timeout = Patience });
        Assert.NotEqual(address, await qr.GetAttributeAsync("data-value"));
    }
}
