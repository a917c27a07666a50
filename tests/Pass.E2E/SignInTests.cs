using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

public class SignInTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task A_return_address_on_another_site_is_ignored_and_the_person_still_signs_in(string elsewhere)
    {
        await App.CreatePersonAsync("rex@test.local", "Rex Ho");

        await Page.GotoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(elsewhere));
        await FillSignInAsync(Page, "rex@test.local");

        await Expect(Page.Locator("h1")).ToBeVisibleAsync(new() { Timeout = Patience });
        Assert.Equal(BaseAddress.Authority, new Uri(Page.Url).Authority);
        Assert.Equal("/", new Uri(Page.Url).AbsolutePath);
    }

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

    [Fact]
    public async Task A_person_refused_a_server_checked_page_signs_in_as_an_administrator_and_lands_on_it()
    {
        await App.CreatePersonAsync("tao@test.local", "Tao Lin");
        await SignInAsync(Page, "tao@test.local");

        // A full load of /admin: the server's authorization sends the person to the account page's access denied.
        await Page.GotoAsync("/admin");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Access denied", new() { Timeout = Patience });
        Assert.Contains("/Account/AccessDenied", Page.Url);

        await Page.Locator("#denied-switch-account").ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = Patience });
        await Page.Locator("[id='Input.Email']").FillAsync(PassApplication.AdminEmail);
        await Page.Locator("[id='Input.Password']").FillAsync(PassApplication.AdminPassword);
        await Page.Locator("#login-submit").ClickAsync();

        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin", new() { Timeout = Patience });
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Dashboard", new() { Timeout = Patience });
    }

    [Fact]
    public async Task A_person_refused_a_page_inside_the_portal_can_go_home_from_it()
    {
        await App.CreatePersonAsync("mei@test.local", "Mei Chen");
        await SignInAsync(Page, "mei@test.local");
        await Page.GotoAsync("/me/qr");
        await WaitInteractiveAsync(Page);

        // Reached inside the running portal (no server round trip): the portal's router refuses it itself.
        await Page.EvaluateAsync("() => Blazor.navigateTo('/admin/users')");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Access denied", new() { Timeout = Patience });
        Assert.Equal("Account/Login?ReturnUrl=%2Fadmin%2Fusers", await Page.Locator("[data-testid=denied-return]").InputValueAsync());

        await Page.Locator("#denied-home").ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Unified sign-in", new() { Timeout = Patience });
        Assert.Equal("/", new Uri(Page.Url).AbsolutePath);
    }
}
