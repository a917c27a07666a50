using Microsoft.Playwright;
using Pass.Shared.Oauth;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

public class SessionJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    [Fact]
    public async Task Signing_out_in_a_second_tab_makes_the_first_say_so_and_sign_in_brings_the_person_back()
    {
        await App.CreatePersonAsync("desk2@test.local", "Dana Desk", PassRoles.Helpdesk);
        await App.CreatePersonAsync("yan@test.local", "Yan Bo");
        await SignInAsync(Page, "desk2@test.local");
        await Page.GotoAsync("/helpdesk/cards");
        await WaitInteractiveAsync(Page);

        var second = await Context.NewPageAsync();
        await second.GotoAsync("/");
        await second.Locator("#sign-out").ClickAsync();
        await Expect(second.Locator("#sign-in")).ToBeVisibleAsync(new() { Timeout = Patience });

        // Back in the first tab the operator searches for a person: the API refuses, and the page says why.
        await Page.BringToFrontAsync();
        var person = Page.Locator("[data-testid=desk-person] input, input[data-testid=desk-person]").First;
        await person.ClickAsync();
        await person.PressSequentiallyAsync("Yan");
        var notice = Page.Locator("[data-testid=session-ended]");
        await Expect(notice).ToBeVisibleAsync(new() { Timeout = Patience });
        await Expect(notice).ToContainTextAsync("You were signed out");

        await Page.Locator("[data-testid=session-sign-in]").ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = Patience });
        await FillSignInAsync(Page, "desk2@test.local");

        await Page.WaitForURLAsync(url => url.EndsWith("/helpdesk/cards", StringComparison.Ordinal), new() { Timeout = Patience });
        await WaitInteractiveAsync(Page);
        await Expect(Page.Locator("[data-testid=session-ended]")).ToHaveCountAsync(0);
    }
}
