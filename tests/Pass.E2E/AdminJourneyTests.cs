using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pass.Shared.Audit;
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
        await Expect(Page.Locator("[data-testid=tokens-none]")).ToHaveTextAsync("No tokens match these filters.");
        foreach (var token in tokens)
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await Api.CheckAsync(token)).StatusCode);
        }
    }

    [Fact]
    public async Task A_double_clicked_new_person_is_created_once_and_the_audit_log_names_who_did_it_to_whom()
    {
        await SignInAsync(Page, PassApplication.AdminEmail, PassApplication.AdminPassword);
        await Page.GotoAsync("/");
        await WaitInteractiveAsync(Page);
        await Page.Locator("#nav-users").ClickAsync();
        await Expect(Page.Locator("[data-testid=people-grid]")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Page.Locator("[data-testid=people-create-panel]").GetByText("New person").First.ClickAsync();
        await Page.Locator("input[data-testid=people-new-email], [data-testid=people-new-email] input").First.FillAsync("nia.park@test.local");
        await Page.Locator("input[data-testid=people-new-name], [data-testid=people-new-name] input").First.FillAsync("Nia Park");

        await Page.Locator("[data-testid=people-create]").DblClickAsync();

        // One person, one success: the second click of the pair was ignored while the first was on its way.
        await Expect(Page.Locator("[data-testid=secret-once]")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Expect(Page.GetByText("already taken")).ToHaveCountAsync(0);
        await Expect(Page.Locator(".mud-alert-text-error, .mud-alert-filled-error, .mud-alert-outlined-error")).ToHaveCountAsync(0);
        var created = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Pass.Web.Data.PassDbContext>();
            return await db.Users.CountAsync(u => u.NormalizedEmail == "NIA.PARK@TEST.LOCAL");
        });
        Assert.Equal(1, created);
        // Of this person: the first administrator's creation at start is audited too.
        var audited = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Pass.Web.Data.PassDbContext>();
            var nia = await db.Users.SingleAsync(u => u.NormalizedEmail == "NIA.PARK@TEST.LOCAL");
            return await db.AuditEvents.CountAsync(e => e.Type == AuditEventType.UserCreated && e.SubjectUserId == nia.Id);
        });
        Assert.Equal(1, audited);

        await Page.Locator("#nav-audit").ClickAsync();
        var row = Page.Locator("[data-testid=audit-grid] tr").Filter(new() { Has = Page.Locator("[data-testid=audit-event][data-type=UserCreated]") })
            .Filter(new() { Has = Page.Locator("[data-testid=audit-subject]", new() { HasText = "Nia Park" }) });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = Patience });
        await Expect(row.Locator("[data-testid=audit-actor]")).ToHaveTextAsync("Administrator");
        await Expect(row.Locator("[data-testid=audit-subject]")).ToHaveTextAsync("Nia Park");

        // A chosen day shows its whole date in the filter field (it was cut to "12/2/202").
        await Page.Locator("input[data-testid=audit-from], [data-testid=audit-from] input").First.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-picker-calendar-day.mud-current").First.ClickAsync();
        var from = Page.Locator("input[data-testid=audit-from], [data-testid=audit-from] input").First;
        await Expect(from).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\b20\d\d\b"), new() { Timeout = Patience });
        Assert.True(await from.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), $"the date '{await from.InputValueAsync()}' does not fit its field");
    }
}
