using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Pass.Shared.Cards;
using Pass.Shared.Tokens;
using Pass.Web.Client.Pages;

namespace Pass.Web.Client.Tests;

public class MyAccountPagesTests : PortalTestContext
{
    private readonly InMemoryAccount _account = new();

    public MyAccountPagesTests()
    {
        Services.AddSingleton<IMyCardsService>(_account);
        Services.AddSingleton<IMyTokensService>(_account);
        AddAuthorization().SetAuthorized("tess@test.local");
    }

    private IRenderedComponent<MudDialogProvider> Dialogs() => Render<MudDialogProvider>();

    // A pointer click (detail 1), or the keyboard's (detail 0).
    private static void Press(IRenderedComponent<MudDialogProvider> dialogs, string text, long detail = 1) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim().Equals(text, StringComparison.OrdinalIgnoreCase))
            .Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { Detail = detail });

    [Fact]
    public void Revoking_a_token_asks_first_and_cancel_keeps_it()
    {
        var dialogs = Dialogs();
        var cut = Render<MyTokens>();

        cut.FindAll("[data-testid=token-revoke]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Canteen POS 3 will have to sign you in again.", dialogs.Markup));
        Press(dialogs, "Cancel");

        Assert.Empty(_account.Revoked);
        Assert.Equal(2, cut.FindAll("[data-testid=token-revoke]").Count);
    }

    [Fact]
    public void Confirming_the_revocation_revokes_that_token_and_refreshes_the_list()
    {
        var dialogs = Dialogs();
        var cut = Render<MyTokens>();

        cut.FindAll("[data-testid=token-revoke]")[1].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Library kiosk", dialogs.Markup));
        Press(dialogs, "Revoke");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=token-revoke]")));
        Assert.Equal(["t-2"], _account.Revoked);
        Assert.Contains("Canteen POS 3", cut.Markup);
        Assert.Contains("Card", cut.Markup);
    }

    [Fact]
    public void Revoke_all_empties_the_list_after_confirmation()
    {
        var dialogs = Dialogs();
        var cut = Render<MyTokens>();

        cut.Find("[data-testid=tokens-revoke-all]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Every subsystem will have to sign you in again", dialogs.Markup));
        Press(dialogs, "Revoke all");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=tokens-empty]")));
        Assert.Equal(2, _account.Revoked.Count);
    }

    [Fact]
    public void Reporting_a_card_lost_asks_then_blocks_it()
    {
        var dialogs = Dialogs();
        var cut = Render<MyCards>();
        Assert.Single(cut.FindAll("[data-testid=card-report-lost]"));

        cut.Find("[data-testid=card-report-lost]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Report card ••••3B1C lost?", dialogs.Markup));
        Press(dialogs, "Report lost");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=card-report-lost]")));
        Assert.Contains(cut.FindAll("[data-testid=card-status]"), e => e.GetAttribute("data-status") == "Lost");
    }

    [Fact]
    public void A_keyboard_can_confirm_reporting_a_card_lost_where_no_reader_is_in_hand()
    {
        // Only the card desk takes pointer clicks alone; on a person's own page Tab + Enter must work for people
        // without a mouse (the dialog still gives Cancel the focus first).
        var dialogs = Dialogs();
        var cut = Render<MyCards>();
        cut.Find("[data-testid=card-report-lost]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Report card ••••3B1C lost?", dialogs.Markup));

        Press(dialogs, "Report lost", detail: 0);

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=card-status]"), e => e.GetAttribute("data-status") == "Lost"));
    }

    [Fact]
    public void Cards_show_only_masked_numbers_and_their_state_in_chinese()
    {
        UseCulture("zh-CN");

        var cut = Render<MyCards>();

        Assert.Contains("••••3B1C", cut.Markup);
        Assert.Contains("正常", cut.Markup);
        Assert.Contains("已换卡", cut.Markup);
        Assert.Contains("挂失", cut.Find("[data-testid=card-report-lost]").TextContent);
    }
}
