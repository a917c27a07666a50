using System.Net.Http.Json;
using System.Net;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Cards;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Shared.Users;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

public class ManagementApiTests : AdminTestBase
{
    [Fact]
    public async Task AnAdministrator_creates_a_person_who_can_then_sign_in_with_the_generated_password()
    {
        var created = await Admin.ReadAsync<CreateUserResponse>(
            await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("kim@test.local", "Kim Lee", StaffNumber: "S-1001")), HttpStatusCode.Created);

        Assert.NotNull(created.GeneratedPassword);
        Assert.Equal(["User"], created.User.Roles);
        var tokens = await Api.PersonTokensAsync("kim@test.local", created.GeneratedPassword!);
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Creating_a_person_with_bad_fields_gets_a_validation_problem_and_creates_nothing()
    {
        var response = await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("not-an-email", "", Roles: ["Wizard"]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("email", body);
        Assert.Contains("roles", body);
        var search = await Admin.ReadAsync<PagedResult<UserSummary>>(await Admin.Http.GetAsync($"{PassRoutes.Users}?q=not-an-email"));
        Assert.Equal(0, search.Total);
    }

    [Fact]
    public async Task People_are_found_by_name_email_staff_number_or_phone()
    {
        await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("liu@test.local", "Liu Yang", StaffNumber: "S-2002", PhoneNumber: "+8613800000000"));

        foreach (var q in new[] { "Liu", "liu@test", "S-2002", "13800000000" })
        {
            var found = await Admin.ReadAsync<PagedResult<UserSummary>>(await Admin.Http.GetAsync($"{PassRoutes.Users}?q={Uri.EscapeDataString(q)}"));
            Assert.Equal("liu@test.local", Assert.Single(found.Items).Email);
        }
    }

    [Fact]
    public async Task A_locked_person_cannot_get_tokens_until_unlocked()
    {
        var id = await App.CreatePersonAsync("max@test.local");

        var locked = await Admin.ReadAsync<UserSummary>(await Admin.PostAsync($"{PassRoutes.Users}/{id}/lock"));
        var refused = await Api.TokenAsync(TestClient.App, ("grant_type", "password"), ("username", "max@test.local"), ("password", PassApplication.PersonPassword));
        await Admin.PostAsync($"{PassRoutes.Users}/{id}/unlock");

        Assert.True(locked.IsLocked);
        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(refused)).Error);
        await Api.PersonTokensAsync("max@test.local");
    }

    [Fact]
    public async Task The_lastAdministrator_cannot_be_demoted()
    {
        var me = await Admin.ReadAsync<Me>(await Admin.Http.GetAsync(PassRoutes.Me));

        var response = await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{me.Id}/roles", new SetRolesRequest(["User"]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_password_reset_shows_a_temporary_password_once_and_revokes_the_persons_tokens()
    {
        var id = await App.CreatePersonAsync("nina@test.local");
        var old = (await Api.PersonTokensAsync("nina@test.local")).AccessToken;

        var reset = await Admin.ReadAsync<PasswordResetResponse>(await Admin.PostAsync($"{PassRoutes.Users}/{id}/reset-password"));

        await CheckTokenTests.AssertInvalidToken(await Api.CheckAsync(old));
        await Api.PersonTokensAsync("nina@test.local", reset.TemporaryPassword);
    }

    [Fact]
    public async Task A_registered_client_gets_a_secret_shown_once_and_a_rotation_replaces_it()
    {
        var registered = await Admin.ReadAsync<ClientSecretResponse>(
            await Admin.PostAsync(PassRoutes.Clients, new RegisterClientRequest("Canteen POS 3", ["client_credentials", PassGrantTypes.Card], CardReaderFormat.DecimalUid)),
            HttpStatusCode.Created);
        var client = new TestClient(registered.ClientId, registered.ClientSecret!, CardReaderFormat.DecimalUid);
        Assert.Equal(22, registered.ClientId.Length);
        await Api.TerminalTokenAsync(client);

        var rotated = await Admin.ReadAsync<ClientSecretResponse>(await Admin.PostAsync($"{PassRoutes.Clients}/{registered.ClientId}/secret"));

        Assert.NotEqual(registered.ClientSecret, rotated.ClientSecret);
        Assert.Equal(OAuthErrors.InvalidClient, (await OAuthApi.ErrorOf(await Api.TokenAsync(client, ("grant_type", "client_credentials")))).Error);
        await Api.TerminalTokenAsync(client with { Secret = rotated.ClientSecret! });
        var listed = await Admin.ReadAsync<List<ClientSummary>>(await Admin.Http.GetAsync(PassRoutes.Clients));
        Assert.DoesNotContain(rotated.ClientSecret!, System.Text.Json.JsonSerializer.Serialize(listed));
    }

    [Fact]
    public async Task A_card_reading_client_needs_a_reader_format_and_grants_must_be_known()
    {
        var noFormat = await Admin.PostAsync(PassRoutes.Clients, new RegisterClientRequest("Turnstile", [PassGrantTypes.Card]));
        var unknownGrant = await Admin.PostAsync(PassRoutes.Clients, new RegisterClientRequest("Odd", ["implicit"]));

        Assert.Equal(HttpStatusCode.BadRequest, noFormat.StatusCode);
        Assert.Contains("readerFormat", await noFormat.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknownGrant.StatusCode);
    }

    [Fact]
    public async Task Narrowing_a_clients_grants_refuses_the_removed_grant()
    {
        var updated = await Admin.ReadAsync<ClientSummary>(await Admin.Http.PutAsJsonAsync(
            $"{PassRoutes.Clients}/{TestClient.Terminal.ClientId}", new UpdateClientRequest(null, [PassGrantTypes.Card], Permissions: [])));

        Assert.Equal([PassGrantTypes.Card], updated.Grants);
        Assert.Equal(OAuthErrors.UnauthorizedClient, (await OAuthApi.ErrorOf(await Api.TokenAsync(TestClient.Terminal, ("grant_type", "client_credentials")))).Error);
    }

    [Fact]
    public async Task Security_events_are_audited_with_who_what_which_client_and_address()
    {
        var id = await App.CreatePersonAsync("olga@test.local");
        await Api.PersonTokensAsync("olga@test.local");
        await Api.TokenAsync(TestClient.App, ("grant_type", "password"), ("username", "olga@test.local"), ("password", "wrong"));
        await Admin.PostAsync($"{PassRoutes.Users}/{id}/lock");
        var me = await Admin.ReadAsync<Me>(await Admin.Http.GetAsync(PassRoutes.Me));

        var events = await Admin.ReadAsync<PagedResult<AuditEventView>>(await Admin.Http.GetAsync($"{PassRoutes.Audit}?userId={id}"));

        var issued = Assert.Single(events.Items, e => e.Type == AuditEventType.TokenIssued);
        Assert.Equal(TestClient.App.ClientId, issued.ClientId);
        Assert.Contains(events.Items, e => e.Type == AuditEventType.TokenRequestRejected && !e.Success);
        var locked = Assert.Single(events.Items, e => e.Type == AuditEventType.UserLocked);
        Assert.Equal(me.Id, locked.ActorId);

        var onlyLocks = await Admin.ReadAsync<PagedResult<AuditEventView>>(await Admin.Http.GetAsync($"{PassRoutes.Audit}?type=UserLocked"));
        Assert.All(onlyLocks.Items, e => Assert.Equal(AuditEventType.UserLocked, e.Type));
    }

    [Fact]
    public async Task The_portal_qr_code_shows_which_subsystem_used_it_and_when()
    {
        await App.CreatePersonAsync("pia@test.local");
        using var pia = await PortalSession.SignInAsync(App, "pia@test.local");
        var code = await pia.ReadAsync<PortalQrCode>(await pia.PostAsync($"{PassRoutes.Me}/qr"));

        await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", code.AuthCode));

        var view = await pia.ReadAsync<QrSessionView>(await pia.Http.GetAsync($"{PassRoutes.Me}/qr/{code.Session}"));
        Assert.Equal(Pass.Shared.QrLogin.QrSessionStatus.Used, view.Status);
        Assert.Equal("Test " + TestClient.Terminal.ClientId, view.RedeemedByClientName);
        Assert.Equal(App.Time.GetUtcNow(), view.RedeemedAt);
    }

    [Fact]
    public async Task A_sign_in_failure_does_not_reveal_whether_the_account_exists()
    {
        await App.CreatePersonAsync("quinn@test.local");

        var wrongPassword = await Api.Http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest("quinn@test.local", "nope"));
        var noAccount = await Api.Http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest("nobody@test.local", "nope"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noAccount.StatusCode);
        var a = await wrongPassword.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        var b = await noAccount.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Equal((a!.Title, a.Detail), (b!.Title, b.Detail));
    }
}
