using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

public class SignInTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    [Fact]
    public async Task A_wrong_password_an_unknown_account_and_a_locked_account_all_get_the_same_answer()
    {
        await App.CreatePersonAsync("zoe@test.local", "Zoe Wu");

        async Task<string> RefusalAsync(string email, string password)
        {
            await Page.GotoAsync("/Account/Login");
            await Page.Locator("[id='Input.Email']").FillAsync(email);
            await Page.Locator("[id='Input.Password']").FillAsync(password);
            await Page.Locator("#login-submit").ClickAsync();
            await Expect(Page.Locator("[data-testid=login-error]")).ToBeVisibleAsync(new() { Timeout = Patience });
            Assert.Contains("/Account/Login", Page.Url);
            // The refused form comes back without the typed password in it.
            Assert.Equal("", await Page.Locator("[id='Input.Password']").InputValueAsync());
            Assert.DoesNotContain(password, await Page.ContentAsync(), StringComparison.Ordinal);
            return await Page.Locator("[data-testid=login-error]").InnerTextAsync();
        }

        var unknown = await RefusalAsync("nobody@test.local", "Wrong-Password-1");
        var wrong = await RefusalAsync("zoe@test.local", "Wrong-Password-1");
        for (var i = 0; i < 4; i++)
        {
            await RefusalAsync("zoe@test.local", "Wrong-Password-1");
        }

        var locked = await RefusalAsync("zoe@test.local", PassApplication.PersonPassword);

        Assert.Equal(wrong, unknown);
        Assert.Equal(wrong, locked);
        await ScreenshotAsync(Page, "sign-in-refused");
    }

    [Fact]
    public async Task The_sign_in_page_switches_to_chinese()
    {
        await Page.GotoAsync("/Account/Login");

        await Page.Locator("#language-zh").ClickAsync();

        await Expect(Page.Locator("#login-submit")).ToHaveTextAsync("登录", new() { Timeout = Patience });
        Assert.Contains("/Account/Login", Page.Url);
    }
}
