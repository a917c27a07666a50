using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Client.Localization;
using Pass.Web.Client.Pages;

namespace Pass.Web.Client.Tests;

public class CardDeskTests : PortalTestContext
{
    private readonly InMemoryCardDesk _desk = new();
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public CardDeskTests()
    {
        Services.AddSingleton<ICardDeskService>(_desk);
        AddAuthorization().SetAuthorized("desk").SetRoles(PassRoles.Helpdesk);
        SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    private static readonly MouseEventArgs Pointer = new() { Detail = 1 };

    // What the browser sends for Enter or Space on a focused button: the key, then a click with detail 0.
    private static readonly MouseEventArgs KeyboardClick = new() { Detail = 0 };

    private void PressOnDialog(string testId, string key)
    {
        Dialog(testId).KeyDown(new KeyboardEventArgs { Key = key });
        Dialog(testId).Click(KeyboardClick);
    }

    private static void TypeOnly(IRenderedComponent<CardDesk> cut, string typed) => cut.Find("input[data-testid=desk-card-input]").Input(typed);

    private AngleSharp.Dom.IElement Dialog(string testId) => _dialogs.Find($"[data-testid={testId}]");

    private async Task<IRenderedComponent<CardDesk>> WithPersonAsync()
    {
        var cut = Render<CardDesk>();
        var picker = cut.FindComponent<Pass.Web.Client.Components.PersonPicker>();
        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(InMemoryCardDesk.Xia));
        cut.WaitForAssertion(() => Assert.Contains("Xia Ming", cut.Find("[data-testid=desk-selected]").TextContent));
        return cut;
    }

    private static void Type(IRenderedComponent<CardDesk> cut, string typed)
    {
        var input = cut.Find("input[data-testid=desk-card-input]");
        input.Input(typed);
        input.KeyDown(new KeyboardEventArgs { Key = "Enter" });
    }

    [Fact]
    public async Task A_card_bound_to_someone_else_is_explained_with_their_masked_name_and_a_way_out()
    {
        var cut = await WithPersonAsync();

        Type(cut, "de:ad:be:ef");

        cut.WaitForAssertion(() => Assert.Contains("Card ••••BEEF already belongs to Z**** W**.", cut.Find("[data-testid=desk-conflict]").TextContent));
        Assert.Contains("Unbind it or report it lost", cut.Find("[data-testid=desk-conflict]").TextContent);
        Assert.Contains("Unbind from Z**** W**", cut.Find("[data-testid=desk-unbind-other]").TextContent);
    }

    [Fact]
    public async Task Unbinding_from_the_other_person_then_binds_the_card_here()
    {
        var cut = await WithPersonAsync();
        Type(cut, "DEADBEEF");
        cut.WaitForAssertion(() => cut.Find("[data-testid=desk-unbind-other]"));

        cut.Find("[data-testid=desk-unbind-other]").Click(Pointer);
        _dialogs.WaitForAssertion(() => Assert.Contains("Take card ••••BEEF from its holder?", _dialogs.Markup));
        Assert.Contains("stops working for Z**** W** at once", Dialog("confirm-text").TextContent);
        Assert.DoesNotContain(_desk.Calls, c => c.StartsWith("unbind", StringComparison.Ordinal));
        Dialog("confirm-yes").Click(Pointer);

        cut.WaitForAssertion(() => Assert.Contains($"unbind {InMemoryCardDesk.OthersBinding}", _desk.Calls));
        Assert.Equal(2, _desk.Calls.Count(c => c.StartsWith("bind DEADBEEF", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Enter_binds_what_the_reader_typed_and_shows_the_canonical_number()
    {
        var cut = await WithPersonAsync();

        Type(cut, "04 a2 3b 1c");

        cut.WaitForAssertion(() => Assert.Equal("04A23B1C", cut.Find("[data-testid=desk-card-number]").TextContent));
        Assert.Equal(["bind 04 a2 3b 1c HexUid"], _desk.Calls);
        Assert.Equal("", cut.Find("input[data-testid=desk-card-input]").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Garbage_from_the_reader_is_refused_with_the_reason_before_any_request()
    {
        var cut = await WithPersonAsync();

        Type(cut, "04A23BZZ");

        cut.WaitForAssertion(() => Assert.Contains("0-9 and A-F", cut.Markup));
        Assert.Empty(_desk.Calls);
    }

    [Fact]
    public async Task Typing_a_new_number_after_a_conflict_removes_the_conflict_and_its_unbind_button()
    {
        var cut = await WithPersonAsync();
        Type(cut, "DEADBEEF");
        cut.WaitForAssertion(() => cut.Find("[data-testid=desk-unbind-other]"));

        TypeOnly(cut, "04A23B1C");

        Assert.Empty(cut.FindAll("[data-testid=desk-conflict]"));
        Assert.Empty(cut.FindAll("[data-testid=desk-unbind-other]"));
    }

    [Fact]
    public async Task Unbind_from_the_other_person_binds_the_card_that_conflicted_even_when_another_number_is_typed_meanwhile()
    {
        var cut = await WithPersonAsync();
        Type(cut, "de:ad:be:ef");
        cut.WaitForAssertion(() => cut.Find("[data-testid=desk-unbind-other]"));
        _desk.Gate = new TaskCompletionSource();

        cut.Find("[data-testid=desk-unbind-other]").Click(Pointer);
        Dialog("confirm-yes").Click(Pointer);
        TypeOnly(cut, "04A23B1C");
        await cut.InvokeAsync(() => _desk.Gate.SetResult());

        cut.WaitForAssertion(() => Assert.Equal("bind de:ad:be:ef HexUid", _desk.Calls[^1]));
        Assert.Equal(["bind de:ad:be:ef HexUid", $"unbind {InMemoryCardDesk.OthersBinding}", "bind de:ad:be:ef HexUid"], _desk.Calls);
        Assert.DoesNotContain(_desk.Calls, c => c.Contains("04A23B1C", StringComparison.Ordinal));
        Assert.Equal("DEADBEEF", Assert.Single(_desk.Cards).CardNumber);
    }

    [Fact]
    public async Task A_double_click_on_unbind_from_the_other_person_unbinds_and_binds_once()
    {
        var cut = await WithPersonAsync();
        Type(cut, "DEADBEEF");
        cut.WaitForAssertion(() => cut.Find("[data-testid=desk-unbind-other]"));
        _desk.Gate = new TaskCompletionSource();

        cut.Find("[data-testid=desk-unbind-other]").Click(Pointer);
        Dialog("confirm-yes").Click(Pointer);
        Dialog("confirm-yes").Click(new MouseEventArgs { Detail = 2 });
        await cut.InvokeAsync(() => _desk.Gate.SetResult());

        cut.WaitForAssertion(() => Assert.Single(_desk.Cards));
        Assert.Single(_desk.Calls, c => c.StartsWith("unbind", StringComparison.Ordinal));
        Assert.Equal(2, _desk.Calls.Count(c => c.StartsWith("bind DEADBEEF", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_old_error_goes_as_soon_as_a_valid_number_is_typed()
    {
        var cut = await WithPersonAsync();
        Type(cut, "04A23BZZ");
        cut.WaitForAssertion(() => Assert.Contains("mud-input-error", cut.Markup));

        TypeOnly(cut, "04A23B1C");

        Assert.DoesNotContain("mud-input-error", cut.Markup);
        Assert.DoesNotContain("0-9 and A-F", cut.Markup);
        Assert.Contains("Reads as 04A23B1C", cut.Markup);
    }

    [Fact]
    public async Task A_card_reported_lost_is_explained_and_bound_again_only_after_a_deliberate_confirmation()
    {
        var cut = await WithPersonAsync();

        Type(cut, "ca:fe:f0:0d");

        var warning = cut.WaitForElement("[data-testid=desk-lost-warning]");
        Assert.Contains("Card ••••F00D was reported lost on", warning.TextContent);
        Assert.Contains(PortalFormat.When(InMemoryCardDesk.LostAt), warning.TextContent);
        Assert.Contains("it belonged to L** O****", warning.TextContent);
        Assert.Empty(_desk.Cards);

        // The reader tapping the same card again is not a confirmation.
        Type(cut, "ca:fe:f0:0d");
        cut.WaitForAssertion(() => Assert.Equal(2, _desk.Calls.Count));
        Assert.All(_desk.Calls, c => Assert.DoesNotContain("ack", c, StringComparison.Ordinal));

        cut.Find("[data-testid=desk-rebind-lost]").Click(Pointer);
        _dialogs.WaitForAssertion(() => Assert.Contains("Bind lost card ••••F00D again?", _dialogs.Markup));
        Assert.Contains("belonged to L** O****", Dialog("confirm-text").TextContent);
        PressOnDialog("confirm-yes", "Enter");
        Assert.Empty(_desk.Cards);

        Dialog("confirm-yes").Click(Pointer);

        cut.WaitForAssertion(() => Assert.Equal("CAFEF00D", Assert.Single(_desk.Cards).CardNumber));
        Assert.Equal($"bind ca:fe:f0:0d HexUid ack {InMemoryCardDesk.LostBinding}", _desk.Calls[^1]);
        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=confirm-dialog]")));
        Assert.Empty(cut.FindAll("[data-testid=desk-lost-warning]"));
    }

    [Fact]
    public async Task Cancelling_the_lost_card_confirmation_binds_nothing_and_a_new_number_clears_the_warning()
    {
        var cut = await WithPersonAsync();
        Type(cut, "CAFEF00D");
        cut.WaitForElement("[data-testid=desk-rebind-lost]").Click(Pointer);
        _dialogs.WaitForElement("[data-testid=confirm-cancel]").Click(Pointer);

        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=confirm-dialog]")));
        Assert.Empty(_desk.Cards);

        TypeOnly(cut, "0");
        Assert.Empty(cut.FindAll("[data-testid=desk-lost-warning]"));
    }

    [Fact]
    public async Task At_a_decimal_desk_a_hex_looking_number_is_held_with_a_hint_until_the_operator_decides()
    {
        JSInterop.Setup<string?>("passPortal.load", "cardDesk.readerFormat").SetResult(nameof(CardReaderFormat.DecimalUid));
        var cut = await WithPersonAsync();

        Type(cut, "11:22:33:44");

        var hint = cut.WaitForElement("[data-testid=desk-format-hint]");
        Assert.Contains("This looks like a hex UID, but this desk reads Decimal UID. Is the reader format right?", hint.TextContent);
        Assert.Empty(_desk.Calls);

        cut.Find("[data-testid=desk-bind-anyway]").Click(Pointer);

        cut.WaitForAssertion(() => Assert.Equal(["bind 11:22:33:44 DecimalUid"], _desk.Calls));
    }

    [Fact]
    public async Task A_hint_shows_while_typing_and_a_plain_decimal_number_binds_at_once()
    {
        JSInterop.Setup<string?>("passPortal.load", "cardDesk.readerFormat").SetResult(nameof(CardReaderFormat.DecimalUid));
        var cut = await WithPersonAsync();

        TypeOnly(cut, "04a23b1c");
        Assert.Equal("LooksHex", cut.Find("[data-testid=desk-format-hint]").GetAttribute("data-mismatch"));

        Type(cut, "0077740828");

        cut.WaitForAssertion(() => Assert.Equal("04A23B1C", cut.Find("[data-testid=desk-card-number]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=desk-format-hint]"));
    }

    [Fact]
    public async Task At_a_hex_desk_a_decimal_uid_is_refused_with_a_hint_about_the_format()
    {
        var cut = await WithPersonAsync();

        Type(cut, "0077740828");

        var hint = cut.WaitForElement("[data-testid=desk-format-hint]");
        Assert.Contains("This looks like a decimal UID, but this desk reads Hex UID.", hint.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=desk-bind-anyway]"));
        Assert.Empty(_desk.Calls);
    }

    private async Task<IRenderedComponent<CardDesk>> WithBoundCardAsync()
    {
        var cut = await WithPersonAsync();
        Type(cut, "04A23B1C");
        cut.WaitForElement("[data-testid=desk-report-lost]");
        return cut;
    }

    [Fact]
    public async Task Report_lost_asks_and_neither_the_readers_enter_nor_cancel_reports_the_card()
    {
        var cut = await WithBoundCardAsync();

        cut.Find("[data-testid=desk-report-lost]").Click(Pointer);
        _dialogs.WaitForAssertion(() => Assert.Contains("Report card ••••3B1C lost?", _dialogs.Markup));
        Assert.Contains("press Space", Dialog("confirm-reader-hint").TextContent);
        PressOnDialog("confirm-yes", "Enter");
        PressOnDialog("confirm-cancel", "Enter");

        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=confirm-dialog]")));
        Assert.DoesNotContain(_desk.Calls, c => c.StartsWith("report-lost", StringComparison.Ordinal));
        Assert.Equal(CardBindingStatus.Active, Assert.Single(_desk.Cards).Status);
    }

    [Fact]
    public async Task A_double_click_on_the_report_lost_confirmation_reports_once()
    {
        var cut = await WithBoundCardAsync();
        cut.Find("[data-testid=desk-report-lost]").Click(Pointer);
        _dialogs.WaitForElement("[data-testid=confirm-yes]");
        _desk.Gate = new TaskCompletionSource();

        Dialog("confirm-yes").Click(Pointer);
        Dialog("confirm-yes").Click(new MouseEventArgs { Detail = 2 });
        await cut.InvokeAsync(() => _desk.Gate.SetResult());

        cut.WaitForAssertion(() => Assert.Equal("Lost", cut.Find("[data-testid=desk-card-status]").GetAttribute("data-status")));
        Assert.Single(_desk.Calls, c => c.StartsWith("report-lost", StringComparison.Ordinal));
        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=confirm-dialog]")));
    }

    [Fact]
    public async Task Unbinding_a_card_asks_first_with_the_same_confirmation()
    {
        var cut = await WithBoundCardAsync();

        cut.Find("[data-testid=desk-unbind]").Click(Pointer);
        _dialogs.WaitForAssertion(() => Assert.Contains("Unbind card ••••3B1C?", _dialogs.Markup));
        Dialog("confirm-yes").Click(Pointer);

        cut.WaitForAssertion(() => Assert.Equal("Unbound", cut.Find("[data-testid=desk-card-status]").GetAttribute("data-status")));
    }

    [Fact]
    public async Task Without_a_mouse_space_on_the_confirmation_reports_the_card_lost()
    {
        var cut = await WithBoundCardAsync();
        cut.Find("[data-testid=desk-report-lost]").Click(KeyboardClick);
        _dialogs.WaitForElement("[data-testid=confirm-yes]");

        PressOnDialog("confirm-yes", " ");

        cut.WaitForAssertion(() => Assert.Equal("Lost", cut.Find("[data-testid=desk-card-status]").GetAttribute("data-status")));
        Assert.Single(_desk.Calls, c => c.StartsWith("report-lost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_tap_of_a_card_the_person_already_holds_says_so_and_offers_to_take_nothing()
    {
        var snackbar = Render<MudSnackbarProvider>();
        var cut = await WithPersonAsync();
        Type(cut, "04A23B1C");
        cut.WaitForAssertion(() => Assert.Single(_desk.Cards));

        Type(cut, "04A23B1C");

        snackbar.WaitForAssertion(() => Assert.Contains("Card ••••3B1C is already bound to Xia Ming.", snackbar.Markup));
        Assert.Empty(cut.FindAll("[data-testid=desk-conflict]"));
        Assert.Empty(cut.FindAll("[data-testid=desk-unbind-other]"));
        Assert.Single(_desk.Cards);
    }
}
