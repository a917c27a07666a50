using System.Net;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

public class AccountJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    private const string NewPassword = "Brand-New-Password-2";

    [Fact]
    public async Task A_person_changes_their_password_and_their_tokens_are_revoked()
    {
        await App.CreatePersonAsync("ada@test.local", "Ada Lovelace");
        var earlier = (await Api.PersonTokensAsync("ada@test.local")).AccessToken;
        await SignInAsync(Page, "ada@test.local");
        await Page.GotoAsync("/Account/Manage");
        await Page.Locator("#manage-password").ClickAsync();

        await Page.Locator("[id='Input.OldPassword']").FillAsync(PassApplication.PersonPassword);
        await Page.Locator("[id='Input.NewPassword']").FillAsync(NewPassword);
        await Page.Locator("[id='Input.ConfirmPassword']").FillAsync(NewPassword);
        await Page.Locator("#change-password").ClickAsync();

        await Expect(Page.Locator("[data-testid=status-message]")).ToContainTextAsync("Your password has been changed", new() { Timeout = Patience });
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CheckAsync(earlier)).StatusCode);
        await Api.PersonTokensAsync("ada@test.local", NewPassword);
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_in_the_viewers_language()
    {
        await App.CreatePersonAsync("bo@test.local", "Bo Zhang");
        await SignInAsync(Page, "bo@test.local");
        await Page.GotoAsync($"/culture/set?culture=zh-CN&redirectUri={Uri.EscapeDataString("/Account/Manage/ChangePassword")}");
        await Expect(Page.Locator("h5").First).ToHaveTextAsync("修改密码", new() { Timeout = Patience });

        await Page.Locator("[id='Input.OldPassword']").FillAsync("Not-My-Password-9");
        await Page.Locator("[id='Input.NewPassword']").FillAsync(NewPassword);
        await Page.Locator("[id='Input.ConfirmPassword']").FillAsync(NewPassword);
        await Page.Locator("#change-password").ClickAsync();

        await Expect(Page.Locator("[data-testid=password-error]")).ToHaveTextAsync("当前密码不正确。", new() { Timeout = Patience });
        await Api.PersonTokensAsync("bo@test.local");
        await ScreenshotAsync(Page, "change-password-zh");
    }
}
