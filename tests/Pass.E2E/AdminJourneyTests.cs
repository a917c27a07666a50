using Microsoft.Playwright;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

public class AdminJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    [Fact]
    public async Task An_administrator_revokes_all_tokens_of_a_person_and_check_token_refuses_each()
    {
        await App.CreatePersonAsync("yuki@test.local", "Yuki Tan");
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            tokens.Add((await Api.PersonTokensAsync("yuki@test.local")).AccessToken);
        }

        Assert.All(await Task.WhenAll(tokens.Select(t => Api.CheckAsync(t))), r => Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode));

        await SignInAsync(Page, PassApplication.AdminEmail, PassApplication.AdminPassword);
        await Page.GotoAsync("/admin/tokens");
        await WaitInteractiveAsync(Page);
        var person = Page.Locator("[data-testid=tokens-person] input, input[data-testid=tokens-person]").First;
        await person.ClickAsync();
        await person.PressSequentiallyAsync("Yuki");
        await Page.Locator(".mud-popover-open").GetByText("Yuki Tan <yuki@test.local>").ClickAsync(new() { Timeout = Patience });
        await Expect(Page.Locator("[data-testid=token-revoke]")).ToHaveCountAsync(6, new() { Timeout = Patience });
        await ScreenshotAsync(Page, "admin-tokens");

        await Page.Locator("[data-testid=tokens-revoke-person]").ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke all" }).ClickAsync();

        await Expect(Page.Locator("[data-testid=token-revoke]")).ToHaveCountAsync(0, new() { Timeout = Patience });
        foreach (var token in tokens)
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await Api.CheckAsync(token)).StatusCode);
        }
    }
}
