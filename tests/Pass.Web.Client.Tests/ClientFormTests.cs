using Bunit;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Client.Components;

namespace Pass.Web.Client.Tests;

public class ClientFormTests : PortalTestContext
{
    private static readonly ClientForm.Values Existing =
        new("Canteen POS", [PassGrantTypes.ClientCredentials], CardReaderFormat.HexUid, [], true);

    [Fact]
    public void Editing_keeps_toggled_grants_and_a_typed_name_through_the_parents_re_render_and_submits_them()
    {
        ClientForm.Values? submitted = null;
        var cut = Render<ClientForm>(p => p.Add(f => f.Initial, Existing).Add(f => f.SubmitText, "Save")
            .Add(f => f.OnSubmit, (ClientForm.Values v) => submitted = v));

        cut.Find($"[data-grant='{PassGrantTypes.Card}']").Click();
        cut.Find($"[data-grant='{PassGrantTypes.ClientCredentials}']").Click();
        cut.Find("[data-testid=client-form-name] input, input[data-testid=client-form-name]").Change("Canteen POS 2");

        // The clients table re-renders (a reload, a hover): the same starting values come in again.
        cut.Render(p => p.Add(f => f.Initial, Existing with { }));

        Assert.Equal("true", cut.Find($"[data-grant='{PassGrantTypes.Card}']").GetAttribute("data-selected"));
        Assert.Equal("false", cut.Find($"[data-grant='{PassGrantTypes.ClientCredentials}']").GetAttribute("data-selected"));
        cut.Find("[data-testid=client-form-submit]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(submitted));
        Assert.Equal("Canteen POS 2", submitted!.Name);
        Assert.Equal([PassGrantTypes.Card], submitted.Grants);
        Assert.Equal(CardReaderFormat.HexUid, submitted.Reader);
    }
}
