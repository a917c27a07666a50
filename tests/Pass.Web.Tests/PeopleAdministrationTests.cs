using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;
using Pass.Shared.Tokens;
using Pass.Shared.Users;
using Pass.Web.Data;
using Pass.Web.Tests.Infrastructure;
using Pass.Web.Users;

namespace Pass.Web.Tests;

/// <summary>Last-administrator guards on every path, case-insensitive search, display name limits and coded refusals.</summary>
public class PeopleAdministrationTests : AdminTestBase
{
    private async Task<string> MyIdAsync() => (await Admin.ReadAsync<Me>(await Admin.Http.GetAsync(PassRoutes.Me))).Id;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<PagedResult<UserSummary>> SearchAsync(string q, string? sort = null) =>
        await Admin.ReadAsync<PagedResult<UserSummary>>(await Admin.Http.GetAsync($"{PassRoutes.Users}?q={Uri.EscapeDataString(q)}&sort={sort}"));

    [Fact]
    public async Task An_administrator_cannot_lock_their_own_account_and_is_told_why_by_code()
    {
        var me = await MyIdAsync();

        var problem = await ProblemAsync(await Admin.PostAsync($"{PassRoutes.Users}/{me}/lock"), HttpStatusCode.Conflict);

        Assert.Equal("OwnAccount", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False((await Admin.ReadAsync<UserSummary>(await Admin.Http.GetAsync($"{PassRoutes.Users}/{me}"))).IsLocked);
        using var again = await PortalSession.AdminAsync(App);
    }

    [Fact]
    public async Task An_administrator_cannot_delete_their_own_account()
    {
        var me = await MyIdAsync();

        var problem = await ProblemAsync(await Admin.Http.DeleteAsync($"{PassRoutes.Users}/{me}"), HttpStatusCode.Conflict);

        Assert.Equal("OwnAccount", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Admin.Http.GetAsync($"{PassRoutes.Users}/{me}")).StatusCode);
    }

    [Fact]
    public async Task The_last_unlocked_administrator_cannot_demote_themselves_while_the_other_administrator_is_locked()
    {
        var other = await App.CreatePersonAsync("second-admin@test.local", "Second Admin", PassRoles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"{PassRoutes.Users}/{other}/lock")).StatusCode);

        var problem = await ProblemAsync(await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{await MyIdAsync()}/roles", new SetRolesRequest(["User"])),
            HttpStatusCode.Conflict);

        Assert.Equal("LastAdministrator", problem.GetProperty("code").GetString());
        Assert.Contains(PassRoles.Admin, (await Admin.ReadAsync<Me>(await Admin.Http.GetAsync(PassRoutes.Me))).Roles);
    }

    [Fact]
    public async Task An_administrator_can_lock_delete_or_demote_another_administrator_while_one_stays_working()
    {
        var locked = await App.CreatePersonAsync("locked-admin@test.local", "Locked Admin", PassRoles.Admin);
        var deleted = await App.CreatePersonAsync("deleted-admin@test.local", "Deleted Admin", PassRoles.Admin);
        var demoted = await App.CreatePersonAsync("demoted-admin@test.local", "Demoted Admin", PassRoles.Admin);

        Assert.True((await Admin.ReadAsync<UserSummary>(await Admin.PostAsync($"{PassRoutes.Users}/{locked}/lock"))).IsLocked);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.Http.DeleteAsync($"{PassRoutes.Users}/{deleted}")).StatusCode);
        Assert.Equal(["User"], (await Admin.ReadAsync<UserSummary>(
            await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{demoted}/roles", new SetRolesRequest(["User"])))).Roles);
    }

    [Fact]
    public async Task Every_user_manager_path_refuses_to_lock_delete_or_demote_the_last_working_administrator()
    {
        // A second administrator who is locked does not count: the first is still the last one who can work.
        var other = await App.CreatePersonAsync("locked-second@test.local", "Locked Second", PassRoles.Admin);
        await Admin.PostAsync($"{PassRoutes.Users}/{other}/lock");
        var me = await MyIdAsync();

        var codes = await App.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = (await users.FindByIdAsync(me))!;
            return new[]
            {
                (await users.SetLockoutEndDateAsync(admin, DateTimeOffset.MaxValue)).Errors.Single().Code,
                (await users.DeleteAsync(admin)).Errors.Single().Code,
                (await users.RemoveFromRoleAsync(admin, PassRoles.Admin)).Errors.Single().Code,
                (await users.RemoveFromRolesAsync(admin, [PassRoles.Admin, PassRoles.User])).Errors.Single().Code,
            };
        });

        Assert.All(codes, code => Assert.Equal(PassUserManager.LastAdministratorCode, code));
        var still = await Admin.ReadAsync<UserSummary>(await Admin.Http.GetAsync($"{PassRoutes.Users}/{me}"));
        Assert.False(still.IsLocked);
        Assert.Contains(PassRoles.Admin, still.Roles);
    }

    [Fact]
    public async Task People_search_ignores_case_in_names_and_emails()
    {
        await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("zhao4@test.local", "Zhao Person 4"));
        await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("Henry.Desk@Example.com", "Henry Desk"));

        foreach (var q in new[] { "zhao", "ZHAO PERSON", "person 4" })
        {
            Assert.Equal("zhao4@test.local", Assert.Single((await SearchAsync(q)).Items).Email);
        }

        foreach (var q in new[] { "henry.desk", "HENRY.DESK@EXAMPLE.COM", "example.com" })
        {
            Assert.Equal("Henry.Desk@Example.com", Assert.Single((await SearchAsync(q)).Items).Email);
        }
    }

    [Fact]
    public async Task Sorting_people_by_name_or_email_ignores_case()
    {
        foreach (var (email, name) in new[] { ("Bob@sort.test", "Bob"), ("alice@sort.test", "alice"), ("carol@sort.test", "carol") })
        {
            await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest(email, name));
        }

        Assert.Equal(["alice", "Bob", "carol"], (await SearchAsync("sort.test", "name")).Items.Select(p => p.DisplayName));
        Assert.Equal(["carol", "Bob", "alice"], (await SearchAsync("sort.test", "-name")).Items.Select(p => p.DisplayName));
        Assert.Equal(["alice", "Bob", "carol"], (await SearchAsync("sort.test", "email")).Items.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task The_normalized_display_name_is_kept_in_step_on_create_and_rename()
    {
        var created = await Admin.ReadAsync<CreateUserResponse>(await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("rename@test.local", "Old Name")),
            HttpStatusCode.Created);

        await App.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(created.User.Id))!;
            user.DisplayName = "Ünïcode Néw Name";
            return await users.UpdateAsync(user);
        });

        var stored = await App.WithScopeAsync(services =>
            services.GetRequiredService<PassDbContext>().Users.AsNoTracking().Where(u => u.Id == created.User.Id).Select(u => u.NormalizedDisplayName).SingleAsync());
        Assert.Equal("ÜNÏCODE NÉW NAME", stored);
        Assert.Empty((await SearchAsync("old name")).Items);
        Assert.Equal(created.User.Id, Assert.Single((await SearchAsync("ünïcode néw")).Items).Id);
    }

    [Fact]
    public async Task A_person_found_case_insensitively_filters_the_audit_log_and_the_token_search()
    {
        var id = await App.CreatePersonAsync("zhao.filter@test.local", "Zhao Filter");
        await Api.PersonTokensAsync("zhao.filter@test.local");

        var person = Assert.Single((await SearchAsync("zhao filter")).Items);
        var audit = await Admin.ReadAsync<PagedResult<AuditEventView>>(await Admin.Http.GetAsync($"{PassRoutes.Audit}?userId={person.Id}"));
        var tokens = await Admin.ReadAsync<PagedResult<TokenView>>(await Admin.Http.GetAsync($"{PassRoutes.Tokens}?userId={person.Id}"));

        Assert.Equal(id, person.Id);
        Assert.Contains(audit.Items, e => e.Type == AuditEventType.TokenIssued && e.SubjectName == "Zhao Filter");
        Assert.NotEmpty(tokens.Items);
        Assert.All(tokens.Items, t => Assert.Equal(id, t.Subject));
    }

    [Theory]
    [InlineData(101, "DisplayNameTooLong")]
    [InlineData(0, "DisplayNameRequired")]
    public async Task A_display_name_outside_the_limits_is_a_400_with_a_field_code(int length, string code)
    {
        var problem = await ProblemAsync(await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("long@test.local", new string('名', length))),
            HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.GetProperty("codes").GetProperty("displayName")[0].GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty("displayName")[0].GetString()));
        Assert.Empty((await SearchAsync("long@test.local")).Items);
    }

    [Fact]
    public async Task A_display_name_with_a_line_break_is_refused_and_one_of_100_characters_is_kept_trimmed()
    {
        var refused = await ProblemAsync(await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("nl@test.local", "Two\nLines")), HttpStatusCode.BadRequest);
        var created = await Admin.ReadAsync<CreateUserResponse>(
            await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("max@test.local", "  " + new string('x', DisplayNames.MaxLength) + "  ")), HttpStatusCode.Created);

        Assert.Equal("DisplayNameControlCharacters", refused.GetProperty("codes").GetProperty("displayName")[0].GetProperty("code").GetString());
        Assert.Equal(new string('x', DisplayNames.MaxLength), created.User.DisplayName);
    }

    [Fact]
    public async Task Refusals_carry_codes_the_portal_can_translate_beside_the_english_text()
    {
        await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("taken@test.local", "Taken"));

        var invalid = await ProblemAsync(await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("not-an-email", "X", Roles: ["Wizard"])), HttpStatusCode.BadRequest);
        var taken = await ProblemAsync(await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("taken@test.local", "Again")), HttpStatusCode.BadRequest);
        var shortPassword = await ProblemAsync(await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("pw@test.local", "Pw", Password: "a")), HttpStatusCode.BadRequest);
        var phone = await ProblemAsync(await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{await MyIdAsync()}/phone", new SetPhoneRequest("not a phone")), HttpStatusCode.BadRequest);

        Assert.Equal("EmailInvalid", invalid.GetProperty("codes").GetProperty("email")[0].GetProperty("code").GetString());
        Assert.Equal("A valid email address is required.", invalid.GetProperty("errors").GetProperty("email")[0].GetString());
        Assert.Equal("RolesUnknown", invalid.GetProperty("codes").GetProperty("roles")[0].GetProperty("code").GetString());
        Assert.Equal("EmailTaken", taken.GetProperty("codes").GetProperty("email")[0].GetProperty("code").GetString());
        Assert.Contains(shortPassword.GetProperty("codes").GetProperty("password").EnumerateArray(), e => e.GetProperty("code").GetString() == "PasswordTooShort");
        Assert.Equal("PhoneInvalid", phone.GetProperty("codes").GetProperty("phoneNumber")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Client_and_card_refusals_carry_codes_too()
    {
        var client = await ProblemAsync(await Admin.PostAsync(PassRoutes.Clients,
            new Pass.Shared.Clients.RegisterClientRequest("Site", [PassGrantTypes.AuthorizationCode], RedirectUris: ["http://example.com/cb"])), HttpStatusCode.BadRequest);
        var person = await App.CreatePersonAsync();
        var card = await ProblemAsync(await Admin.PostAsync(PassRoutes.Cards,
            new Pass.Shared.Cards.BindCardRequest(person, "ZZZZ", Pass.Shared.Cards.CardReaderFormat.HexUid)), HttpStatusCode.BadRequest);

        var redirect = client.GetProperty("codes").GetProperty("redirectUris")[0];
        Assert.Equal("RedirectUriNotHttps", redirect.GetProperty("code").GetString());
        Assert.Equal("http://example.com/cb", redirect.GetProperty("args")[0].GetString());
        Assert.Equal("CardNumberNotHex", card.GetProperty("codes").GetProperty("cardNumber")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_audit_log_names_people_and_clients_and_says_when_a_person_was_deleted()
    {
        var created = await Admin.ReadAsync<CreateUserResponse>(await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("named@test.local", "Named Person")),
            HttpStatusCode.Created);
        var first = await Admin.ReadAsync<PagedResult<AuditEventView>>(await Admin.Http.GetAsync($"{PassRoutes.Audit}?type=UserCreated&userId={created.User.Id}"));
        await Admin.Http.DeleteAsync($"{PassRoutes.Users}/{created.User.Id}");
        var after = await Admin.ReadAsync<PagedResult<AuditEventView>>(await Admin.Http.GetAsync($"{PassRoutes.Audit}?userId={created.User.Id}"));
        var issued = await Admin.ReadAsync<PagedResult<AuditEventView>>(await Admin.Http.GetAsync($"{PassRoutes.Audit}?type=TokenIssued"));

        var line = Assert.Single(first.Items);
        Assert.Equal("Named Person", line.SubjectName);
        Assert.Equal("Administrator", line.ActorName);
        Assert.Equal(AuditDetailCode.CreatedWithRoles, line.Coded?.Code);
        Assert.Equal(["User"], line.Coded!.Args);
        Assert.All(after.Items, e => Assert.True(e.SubjectDeleted));
        Assert.Contains(after.Items, e => e.Type == AuditEventType.UserDeleted);
        Assert.DoesNotContain(issued.Items, e => e.ClientId is not null && e.ClientName is null);
    }

    [Fact]
    public async Task An_administrator_corrects_a_persons_email_name_and_staff_number_and_the_new_email_signs_in()
    {
        var id = await App.CreatePersonAsync("lee.typo@test.local", "Lee Typo");
        var put = (UpdateUserRequest body) => Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{id}", body);

        var updated = await Admin.ReadAsync<UserSummary>(await put(new UpdateUserRequest(" Lee.Ng@Test.local ", " Lee Ng ", " S-42 ")));

        Assert.Equal(("Lee.Ng@Test.local", "Lee Ng", "S-42"), (updated.Email, updated.DisplayName, updated.StaffNumber));
        Task<HttpResponseMessage> SignIn(string email) => Api.TokenAsync(TestClient.App,
            ("grant_type", "password"), ("username", email), ("password", PassApplication.PersonPassword), ("scope", "offline_access"));
        Assert.Equal(HttpStatusCode.OK, (await SignIn("lee.ng@test.local")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await SignIn("lee.typo@test.local")).StatusCode);
        Assert.Single((await SearchAsync("lee ng")).Items);
        var line = await App.WithScopeAsync(sp => sp.GetRequiredService<PassDbContext>().AuditEvents.SingleAsync(e => e.Type == AuditEventType.UserUpdated));
        Assert.Equal(id, line.SubjectUserId);
        Assert.Equal(AuditDetailCode.ProfileChanged, line.DetailCode);
    }

    [Fact]
    public async Task Correcting_a_person_follows_the_rules_of_a_new_one_and_refuses_another_persons_email_or_staff_number_by_code()
    {
        var id = await App.CreatePersonAsync("mo@test.local", "Mo");
        await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{await App.CreatePersonAsync("taken@test.local", "Taken")}", new UpdateUserRequest("taken@test.local", "Taken", "S-1"));
        var put = (UpdateUserRequest body) => Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{id}", body);

        var email = await ProblemAsync(await put(new UpdateUserRequest("TAKEN@test.local", "Mo")), HttpStatusCode.BadRequest);
        var staff = await ProblemAsync(await put(new UpdateUserRequest("mo@test.local", "Mo", "S-1")), HttpStatusCode.BadRequest);
        var rules = await ProblemAsync(await put(new UpdateUserRequest("no-at-sign", new string('x', 101))), HttpStatusCode.BadRequest);

        Assert.Equal("EmailTaken", email.GetProperty("codes").GetProperty("email")[0].GetProperty("code").GetString());
        Assert.Equal("StaffNumberTaken", staff.GetProperty("codes").GetProperty("staffNumber")[0].GetProperty("code").GetString());
        Assert.Equal("EmailInvalid", rules.GetProperty("codes").GetProperty("email")[0].GetProperty("code").GetString());
        Assert.Equal("DisplayNameTooLong", rules.GetProperty("codes").GetProperty("displayName")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/no-such-person", new UpdateUserRequest("x@test.local", "X"))).StatusCode);
        var mo = await Admin.ReadAsync<UserSummary>(await Admin.Http.GetAsync($"{PassRoutes.Users}/{id}"));
        Assert.Equal(("mo@test.local", "Mo", (string?)null), (mo.Email, mo.DisplayName, mo.StaffNumber));
    }
}
