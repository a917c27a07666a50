using Bunit;
using Pass.Shared.Cards;
using Pass.Shared.Clients;
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
        cut.Find("[data-testid=client-form-name] input, input[data-testid=client-form-name]").Input("Canteen POS 2");

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

    [Fact]
    public void A_single_page_app_offers_only_the_grants_it_can_use_and_says_which_field_is_wrong_before_sending()
    {
        var sent = 0;
        ClientForm.Values? submitted = null;
        var cut = Render<ClientForm>(p => p.Add(f => f.Initial, new ClientForm.Values("Timetable", [], null, [], true, ClientType.Spa))
            .Add(f => f.SubmitText, "Register").Add(f => f.OnSubmit, (ClientForm.Values v) => { sent++; submitted = v; }));

        cut.Find($"[data-grant='{PassGrantTypes.AuthorizationCode}']").Click();
        Assert.Empty(cut.FindAll($"[data-grant='{PassGrantTypes.ClientCredentials}']"));
        Assert.Empty(cut.FindAll($"[data-grant='{PassGrantTypes.Card}']"));
        Assert.Empty(cut.FindAll("[data-testid=client-form-introspect]"));
        Assert.Empty(cut.FindAll($"[data-permission='{PassPermissions.UsersRead}']"));

        cut.Find("[data-testid=client-form-redirects] textarea, textarea[data-testid=client-form-redirects]").Input("https://timetable.example.edu/callback");
        cut.Find("[data-testid=client-form-submit]").Click();
        cut.WaitForAssertion(() => Assert.Contains("needs the origin it runs on", cut.Markup));
        Assert.Equal(0, sent);

        cut.Find("[data-testid=client-form-origins] textarea, textarea[data-testid=client-form-origins]").Input("https://timetable.example.edu/app");
        cut.WaitForAssertion(() => Assert.Contains("is not an origin", cut.Markup));
        cut.Find("[data-testid=client-form-origins] textarea, textarea[data-testid=client-form-origins]").Input("https://timetable.example.edu");
        cut.Find("[data-testid=client-form-submit]").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, sent));
        Assert.Equal(ClientType.Spa, submitted!.Type);
        Assert.Equal(["https://timetable.example.edu"], submitted.Origins);
        Assert.Equal([PassGrantTypes.AuthorizationCode], submitted.Grants);
    }

    [Fact]
    public void Choosing_a_phone_app_drops_what_needs_a_secret_and_a_native_redirect_is_checked_by_the_apps_rules()
    {
        ClientForm.Values? submitted = null;
        var cut = Render<ClientForm>(p => p.Add(f => f.Initial, Existing).Add(f => f.SubmitText, "Register")
            .Add(f => f.OnSubmit, (ClientForm.Values v) => submitted = v));

        cut.FindComponent<MudBlazor.MudSelect<ClientType>>().InvokeAsync(() =>
            cut.FindComponent<MudBlazor.MudSelect<ClientType>>().Instance.ValueChanged.InvokeAsync(ClientType.Native));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find($"[data-grant='{PassGrantTypes.AuthorizationCode}']").GetAttribute("data-selected")));
        Assert.Empty(cut.FindAll($"[data-grant='{PassGrantTypes.ClientCredentials}']"));

        var redirects = "[data-testid=client-form-redirects] textarea, textarea[data-testid=client-form-redirects]";
        cut.Find(redirects).Input("http://localhost:8080/callback");
        cut.WaitForAssertion(() => Assert.Contains("private-use scheme", cut.Markup));
        cut.Find(redirects).Input("cn.example.campus:/oauth2redirect\nhttp://127.0.0.1/callback");
        cut.Find("[data-testid=client-form-submit]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(submitted));
        Assert.Equal(ClientType.Native, submitted!.Type);
        Assert.Null(submitted.Reader);
        Assert.Equal(["cn.example.campus:/oauth2redirect", "http://127.0.0.1/callback"], submitted.RedirectUris);
    }

    [Fact]
    public void A_terminal_is_given_users_read_with_a_chip_and_a_phone_app_loses_it()
    {
        ClientForm.Values? submitted = null;
        var cut = Render<ClientForm>(p => p.Add(f => f.Initial, Existing).Add(f => f.SubmitText, "Save")
            .Add(f => f.OnSubmit, (ClientForm.Values v) => submitted = v));

        cut.Find($"[data-permission='{PassPermissions.UsersRead}']").Click();
        Assert.Equal("true", cut.Find($"[data-permission='{PassPermissions.UsersRead}']").GetAttribute("aria-pressed"));
        cut.Find("[data-testid=client-form-submit]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(submitted));
        Assert.Equal([PassPermissions.UsersRead], submitted!.Permissions);

        submitted = null;
        cut.FindComponent<MudBlazor.MudSelect<ClientType>>().InvokeAsync(() =>
            cut.FindComponent<MudBlazor.MudSelect<ClientType>>().Instance.ValueChanged.InvokeAsync(ClientType.Native));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"[data-permission='{PassPermissions.UsersRead}']")));
        cut.Find("[data-testid=client-form-redirects] textarea, textarea[data-testid=client-form-redirects]").Input("cn.example.campus:/oauth2redirect");
        cut.Find("[data-testid=client-form-submit]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(submitted));
        Assert.Empty(submitted!.Permissions ?? []);
    }
}
