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
    public async Task A_person_given_a_temporary_password_chooses_their_own_first_and_then_reaches_the_page_they_asked_for()
    {
        using var admin = await PortalSession.AdminAsync(App);
        var created = await admin.ReadAsync<Pass.Shared.Users.CreateUserResponse>(await admin.PostAsync(Pass.Shared.Oauth.PassRoutes.Users,
            new Pass.Shared.Users.CreateUserRequest("noor@test.local", "Noor Ali")), HttpStatusCode.Created);

        await Page.GotoAsync("/me/cards");
        await Page.WaitForURLAsync("**/Account/Login**", new() { Timeout = Patience });
        await FillSignInAsync(Page, "noor@test.local", created.GeneratedPassword!);

        await Page.WaitForURLAsync("**/Account/Manage/ChangePassword**", new() { Timeout = Patience });
        await Expect(Page.Locator("[data-testid=password-temporary]")).ToContainTextAsync("temporary");
        await Page.Locator("[id='Input.OldPassword']").FillAsync(created.GeneratedPassword!);
        await Page.Locator("[id='Input.NewPassword']").FillAsync(NewPassword);
        await Page.Locator("[id='Input.ConfirmPassword']").FillAsync(NewPassword);
        await Page.Locator("#change-password").ClickAsync();

        await Page.WaitForURLAsync(url => url.EndsWith("/me/cards", StringComparison.Ordinal), new() { Timeout = Patience });
        await WaitInteractiveAsync(Page);
        await Page.GotoAsync("/me/tokens");
        await Expect(Page.Locator("h1")).ToBeVisibleAsync(new() { Timeout = Patience });
        Assert.EndsWith("/me/tokens", Page.Url);
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_in_the_viewers_language()
    {
        await App.CreatePersonAsync("bo@test.local", "Bo Zhang");
        await SignInAsync(Page, "bo@test.local");
        await Page.GotoAsync($"/culture/set?culture=zh-CN&redirectUri={Uri.EscapeDataString("/Account/Manage/ChangePassword")}");
        await Expect(Page.Locator("main h2").First).ToHaveTextAsync("修改密码", new() { Timeout = Patience });

        await Page.Locator("[id='Input.OldPassword']").FillAsync("Not-My-Password-9");
        await Page.Locator("[id='Input.NewPassword']").FillAsync(NewPassword);
        await Page.Locator("[id='Input.ConfirmPassword']").FillAsync(NewPassword);
        await Page.Locator("#change-password").ClickAsync();

        await Expect(Page.Locator("[data-testid=password-error]")).ToHaveTextAsync("当前密码不正确。", new() { Timeout = Patience });
        await Api.PersonTokensAsync("bo@test.local");
        await ScreenshotAsync(Page, "change-password-zh");
    }

    [Fact]
    public async Task A_person_adds_a_phone_by_the_code_sent_to_it()
    {
        await App.CreatePersonAsync("cy@test.local", "Cy Lin");
        await SignInAsync(Page, "cy@test.local");
        await Page.GotoAsync("/Account/Manage");

        await Page.Locator("[id='PhoneInput.Phone']").FillAsync("139 0013 9000");
        await Page.Locator("#send-phone-code").ClickAsync();
        await Expect(Page.Locator("[data-testid=phone-message]")).ToContainTextAsync("+8613900139000", new() { Timeout = Patience });

        // Development has no SMS gateway: the message waits in the outbox, where the test reads it as a phone would.
        var text = await App.WithScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Pass.Web.Data.PassDbContext>(sp).SmsOutbox));
        var code = System.Text.RegularExpressions.Regex.Match(text.Text, @"code is (\d+)").Groups[1].Value;
        await Page.Locator("[id='CodeInput.Code']").FillAsync(code);
        await Page.Locator("#verify-phone").ClickAsync();

        await Expect(Page.Locator("[data-testid=status-message]")).ToContainTextAsync("Your phone is verified", new() { Timeout = Patience });
        await Expect(Page.Locator("[data-testid=profile-phone]")).ToContainTextAsync("+8613900139000");
    }
}
