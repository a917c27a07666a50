using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Client.Pages;

namespace Pass.Web.Client.Tests;

public class CardDeskTests : PortalTestContext
{
    private readonly InMemoryCardDesk _desk = new();

    public CardDeskTests()
    {
        Services.AddSingleton<ICardDeskService>(_desk);
        AddAuthorization().SetAuthorized("desk").SetRoles(PassRoles.Helpdesk);
        SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));
        Render<MudPopoverProvider>();
    }

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

        cut.Find("[data-testid=desk-unbind-other]").Click();

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
}
