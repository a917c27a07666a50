using Microsoft.Playwright;
using Pass.Shared.Cards;
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

    private static ILocator CardInput(IPage page) => page.Locator("input[data-testid=desk-card-input], [data-testid=desk-card-input] input").First;

    private static ILocator Row(IPage page, string canonical) =>
        page.Locator("tr", new() { Has = page.Locator("[data-testid=desk-card-number]", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{canonical}$") }) });

    private static Task ExpectStatusAsync(IPage page, string canonical, string status) =>
        Expect(Row(page, canonical).Locator("[data-testid=desk-card-status]")).ToHaveAttributeAsync("data-status", status, new() { Timeout = Patience });

    // A keyboard-wedge reader: it types into whatever has the focus and presses Enter. Nothing is clicked first.
    private static async Task ReaderTapsAsync(IPage page, string typed)
    {
        await page.Keyboard.TypeAsync(typed);
        await page.Keyboard.PressAsync("Enter");
    }

    private async Task<IPage> DeskWithPersonAsync(string personEmail, string search, bool throughMenu = false)
    {
        await SignInAsync(Page, "desk@test.local");
        if (throughMenu)
        {
            await Page.GotoAsync("/");
            await WaitInteractiveAsync(Page);
            await Page.Locator("#nav-card-desk").ClickAsync();
            await Page.WaitForURLAsync(url => url.EndsWith("/helpdesk/cards", StringComparison.Ordinal), new() { Timeout = Patience });
        }
        else
        {
            await Page.GotoAsync("/helpdesk/cards");
        }

        await WaitInteractiveAsync(Page);
        var person = Page.Locator("[data-testid=desk-person] input, input[data-testid=desk-person]").First;
        await person.ClickAsync();
        await person.PressSequentiallyAsync(search);
        await Expect(Page.GetByText($"<{personEmail}>")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("[data-testid=desk-selected]")).ToContainTextAsync(personEmail, new() { Timeout = Patience });
        await Expect(CardInput(Page)).ToBeFocusedAsync(new() { Timeout = Patience });
        return Page;
    }

    private async Task OpenReportLostAsync(IPage page, string canonical)
    {
        await Row(page, canonical).Locator("[data-testid=desk-report-lost]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync(new() { Timeout = Patience });
        await Expect(page.Locator("[data-testid=confirm-cancel]")).ToBeFocusedAsync(new() { Timeout = Patience });
    }

    private async Task ExpectDialogClosedAndCardFieldFocusedAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0, new() { Timeout = Patience });
        await Expect(CardInput(page)).ToBeFocusedAsync(new() { Timeout = Patience });
    }

    [Fact]
    public async Task A_reader_tapping_after_any_dialog_closes_binds_its_card_and_never_reports_one_lost()
    {
        await App.CreatePersonAsync("desk@test.local", "Desk Operator", PassRoles.Helpdesk);
        await App.CreatePersonAsync("xia@test.local", "Xia Ming");
        var page = await DeskWithPersonAsync("xia@test.local", "Xia", throughMenu: true);
        await ReaderTapsAsync(page, "04:A2:3B:1C");
        await ExpectStatusAsync(page, "04A23B1C", "Active");

        // A tap while the dialog is open: its Enter lands on Cancel, never on Report lost.
        await OpenReportLostAsync(page, "04A23B1C");
        await ReaderTapsAsync(page, "11:22:33:44");
        await ExpectDialogClosedAndCardFieldFocusedAsync(page);
        await ExpectStatusAsync(page, "04A23B1C", "Active");

        // Cancel, then the reader.
        await OpenReportLostAsync(page, "04A23B1C");
        await page.Locator("[data-testid=confirm-cancel]").ClickAsync();
        await ExpectDialogClosedAndCardFieldFocusedAsync(page);
        await ReaderTapsAsync(page, "04:11:22:33:44:55:66");
        await ExpectStatusAsync(page, "04112233445566", "Active");

        // Escape, then the reader.
        await OpenReportLostAsync(page, "04A23B1C");
        await page.Keyboard.PressAsync("Escape");
        await ExpectDialogClosedAndCardFieldFocusedAsync(page);
        await ReaderTapsAsync(page, "DE:AD:BE:EF");
        await ExpectStatusAsync(page, "DEADBEEF", "Active");

        // Even with the focus on it, Enter does not press the destructive button.
        await OpenReportLostAsync(page, "04A23B1C");
        await page.Locator("[data-testid=confirm-yes]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
        await ExpectDialogClosedAndCardFieldFocusedAsync(page);
        await ExpectStatusAsync(page, "04A23B1C", "Active");

        // Confirmed from the keyboard the way the dialog says (Tab to it, Space), then the reader.
        await OpenReportLostAsync(page, "04A23B1C");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("[data-testid=confirm-yes]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync(" ");
        await ExpectStatusAsync(page, "04A23B1C", "Lost");
        await ExpectDialogClosedAndCardFieldFocusedAsync(page);
        await ReaderTapsAsync(page, "CA:FE:F0:0D");
        await ExpectStatusAsync(page, "CAFEF00D", "Active");

        foreach (var card in new[] { "04112233445566", "DEADBEEF", "CAFEF00D" })
        {
            await ExpectStatusAsync(page, card, "Active");
        }

        await Expect(page.Locator("[data-testid=desk-card-status][data-status=Lost]")).ToHaveCountAsync(1);
        await Expect(Row(page, "11223344")).ToHaveCountAsync(0);

        // A double click on a confirmation acts once: a second unbind would answer "already ended".
        await Row(page, "DEADBEEF").Locator("[data-testid=desk-unbind]").ClickAsync();
        await Expect(page.Locator("[data-testid=confirm-cancel]")).ToBeFocusedAsync(new() { Timeout = Patience });
        await page.Locator("[data-testid=confirm-yes]").DblClickAsync();
        await ExpectStatusAsync(page, "DEADBEEF", "Unbound");
        await ExpectDialogClosedAndCardFieldFocusedAsync(page);
        // (Snackbars queue beyond five, so the error is what tells: a second unbind of the ended binding shows it.)
        await Expect(page.GetByText("That binding has already ended.")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "card-desk-after-dialogs");
    }

    [Fact]
    public async Task After_a_conflict_a_new_number_clears_the_stale_button_and_unbind_other_acts_only_on_the_named_card_with_long_names_wrapping()
    {
        var longName = "Alice" + new string('w', 240);
        await App.CreatePersonAsync("desk@test.local", "Desk Operator", PassRoles.Helpdesk);
        var alice = await App.CreatePersonAsync("alice@test.local", longName);
        var xia = await App.CreatePersonAsync("xia@test.local", "Xia" + new string('M', 240));
        using var desk = await PortalSession.SignInAsync(App, "desk@test.local");
        await desk.ReadAsync<CardBindingView>(await desk.PostAsync(PassRoutes.Cards, new BindCardRequest(alice, "04A23B1C", CardReaderFormat.HexUid)), System.Net.HttpStatusCode.Created);
        var page = await DeskWithPersonAsync("xia@test.local", "Xia");

        await ReaderTapsAsync(page, "04a23b1c");
        var conflict = page.Locator("[data-testid=desk-conflict]");
        await Expect(conflict).ToContainTextAsync("Card ••••3B1C already belongs to A*****", new() { Timeout = Patience });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "A long name widened the page.");
        await ScreenshotAsync(page, "card-desk-conflict-long-names");

        // The reader types the next card (no Enter yet): the conflict and its button are about the old number.
        await page.Keyboard.TypeAsync("DEADBEEF");
        await Expect(conflict).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=desk-unbind-other]")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Enter");
        await ExpectStatusAsync(page, "DEADBEEF", "Active");
        var alicesCards = await desk.ReadAsync<List<CardBindingView>>(await desk.Http.GetAsync($"{PassRoutes.Cards}?userId={alice}"));
        Assert.Equal(CardBindingStatus.Active, Assert.Single(alicesCards).Status);

        // The conflict again; its button ends Alice's binding and binds the card it names, here.
        await ReaderTapsAsync(page, "04:A2:3B:1C");
        await page.Locator("[data-testid=desk-unbind-other]").ClickAsync(new() { Timeout = Patience });
        await Expect(page.Locator("[data-testid=confirm-text]")).ToContainTextAsync("stops working for", new() { Timeout = Patience });
        await page.Locator("[data-testid=confirm-yes]").ClickAsync();
        await ExpectStatusAsync(page, "04A23B1C", "Active");
        await ExpectStatusAsync(page, "DEADBEEF", "Active");
        await Expect(CardInput(page)).ToBeFocusedAsync(new() { Timeout = Patience });
        alicesCards = await desk.ReadAsync<List<CardBindingView>>(await desk.Http.GetAsync($"{PassRoutes.Cards}?userId={alice}"));
        Assert.Equal(CardBindingStatus.Unbound, Assert.Single(alicesCards).Status);
        var xiasCards = await desk.ReadAsync<List<CardBindingView>>(await desk.Http.GetAsync($"{PassRoutes.Cards}?userId={xia}"));
        Assert.Equal(["04A23B1C", "DEADBEEF"], xiasCards.Select(c => c.CardNumber).Order());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "A long name widened the page.");
    }
}
