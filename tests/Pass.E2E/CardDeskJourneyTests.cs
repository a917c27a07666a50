using Microsoft.Playwright;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

public class CardDeskJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    [Fact]
    public async Task The_helpdesk_binds_a_card_from_the_reader_the_terminal_uses_it_and_the_owner_reports_it_lost()
    {
        await App.CreatePersonAsync("desk@test.local", "Desk Operator", PassRoles.Helpdesk);
        await App.CreatePersonAsync("xia@test.local", "Xia Ming");

        // The operator finds the person and the reader types into the focused card input, then Enter.
        await SignInAsync(Page, "desk@test.local");
        await Page.GotoAsync("/helpdesk/cards");
        await WaitInteractiveAsync(Page);
        var person = Page.Locator("[data-testid=desk-person] input, input[data-testid=desk-person]").First;
        await person.ClickAsync();
        await person.PressSequentiallyAsync("Xia");
        await Expect(Page.GetByText("Xia Ming <xia@test.local>")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("[data-testid=desk-selected]")).ToContainTextAsync("Xia Ming", new() { Timeout = Patience });
        await Expect(Page.Locator("input[data-testid=desk-card-input], [data-testid=desk-card-input] input").First).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("04:A2:3B:1C");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("[data-testid=desk-card-number]")).ToHaveTextAsync("04A23B1C", new() { Timeout = Patience });
        await ScreenshotAsync(Page, "card-desk-bound");

        // The terminal's reader reads the card.
        var token = await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", PassGrantTypes.Card), ("card_number", "04a23b1c"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Api.CheckAsync(token.AccessToken)).StatusCode);

        // The owner reports it lost from My cards.
        var owner = await NewPageInOwnContextAsync();
        await SignInAsync(owner, "xia@test.local");
        await owner.GotoAsync("/me/cards");
        await WaitInteractiveAsync(owner);
        await owner.Locator("[data-testid=card-report-lost]").ClickAsync();
        await owner.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Report lost" }).ClickAsync();
        await Expect(owner.Locator("[data-testid=card-status]")).ToHaveAttributeAsync("data-status", "Lost", new() { Timeout = Patience });

        var refused = await Api.TokenAsync(TestClient.Terminal, ("grant_type", PassGrantTypes.Card), ("card_number", "04a23b1c"));
        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(refused)).Error);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await Api.CheckAsync(token.AccessToken)).StatusCode);
    }
}
