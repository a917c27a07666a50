using System.Text.RegularExpressions;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

/// <summary>WebAssembly ships one ICU shard (icudt_CJK: en, zh, ja, ko), not every language: both portal languages must still write dates.</summary>
public class LanguageDataTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    [Theory]
    [InlineData("zh-CN", @"\d{4}/\d{1,2}/\d{1,2} [上下]午\d{1,2}:\d{2}:\d{2}")]
    [InlineData("en-US", @"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2}\s[AP]M")]
    public async Task The_browser_writes_when_my_qr_code_was_used_in_the_language_of_the_page(string locale, string dateTime)
    {
        await App.CreatePersonAsync("lin@test.local", "Lin Wu");
        var context = await NewContextAsync(locale);
        var page = await context.NewPageAsync();
        try
        {
            await SignInAsync(page, "lin@test.local");
            await page.GotoAsync("/me/qr");
            await WaitInteractiveAsync(page);
            var code = await page.Locator("[data-testid=qr-image]").GetAttributeAsync("data-value");

            await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", code!));

            // Written by the WebAssembly component when the live status says used, with the culture's own pattern.
            await Expect(page.Locator("[data-testid=qr-used-at]")).ToHaveTextAsync(new Regex(dateTime), new() { Timeout = Patience });
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
