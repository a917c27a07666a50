using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Audit;
using Pass.Shared.Cards;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Pass.Shared.Problems;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>The seed's users interface: <c>GET /oauth/v2/user</c> for subsystems allowed <c>users:read</c>.</summary>
public sealed class PersonLookupTests : AdminTestBase
{
    private string _liu = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var created = await Admin.ReadAsync<CreateUserResponse>(await Admin.PostAsync(PassRoutes.Users,
            new CreateUserRequest("liu@test.local", "Liu Yang", StaffNumber: "S-2002", PhoneNumber: "+8613800138000")), HttpStatusCode.Created);
        _liu = created.User.Id;
    }

    private async Task<HttpResponseMessage> LookUpAsync(string query, TestClient? client = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{PassRoutes.User}?{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? await Api.TerminalTokenAsync(client ?? TestClient.Terminal));
        return await Api.Http.SendAsync(request);
    }

    private static async Task<JsonElement> FoundAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task BindAsync(string typed, CardReaderFormat format) =>
        await Admin.ReadAsync<CardBindingView>(await Admin.PostAsync(PassRoutes.Cards, new BindCardRequest(_liu, typed, format)), HttpStatusCode.Created);

    [Fact]
    public async Task A_person_looked_up_by_sub_shows_what_a_terminal_needs_and_no_way_to_reach_them()
    {
        var person = await FoundAsync(await LookUpAsync($"sub={_liu}"));

        Assert.Equal(_liu, person.GetProperty("sub").GetString());
        Assert.Equal("Liu Yang", person.GetProperty("name").GetString());
        Assert.Equal("+86138****8000", person.GetProperty("phone").GetString());
        Assert.Equal("S-2002", person.GetProperty("staff_number").GetString());
        Assert.Equal("active", person.GetProperty("status").GetString());
        Assert.Equal(["sub", "name", "phone", "staff_number", "status"], person.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_phone_is_found_however_it_is_typed()
    {
        foreach (var typed in new[] { "13800138000", "%2B86%20138%200013%208000", "138-0013-8000" })
        {
            Assert.Equal(_liu, (await FoundAsync(await LookUpAsync($"phone={typed}"))).GetProperty("sub").GetString());
        }
    }

    [Fact]
    public async Task A_staff_number_is_found_as_the_desk_typed_it()
    {
        Assert.Equal(_liu, (await FoundAsync(await LookUpAsync("staff_number=%20S-2002%20"))).GetProperty("sub").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync("staff_number=S-2003")).StatusCode);
    }

    [Fact]
    public async Task A_card_number_is_read_in_the_reader_format_of_the_client_asking()
    {
        await BindAsync("12345678", CardReaderFormat.HexUid);

        // "12345678" is a card at either reader, but not the same card: 0x12345678 is 305419896.
        Assert.Equal(_liu, (await FoundAsync(await LookUpAsync("card_number=12:34:56:78"))).GetProperty("sub").GetString());
        Assert.Equal(_liu, (await FoundAsync(await LookUpAsync("card_number=0305419896", TestClient.DecimalDesk))).GetProperty("sub").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync("card_number=12345678", TestClient.DecimalDesk)).StatusCode);

        var letters = await LookUpAsync("card_number=04A23B1C", TestClient.DecimalDesk);
        Assert.Equal(HttpStatusCode.BadRequest, letters.StatusCode);
        Assert.Equal(OAuthErrors.InvalidRequest, (await OAuthApi.ErrorOf(letters)).Error);
    }

    [Fact]
    public async Task A_card_reported_lost_names_nobody()
    {
        var binding = await Admin.ReadAsync<CardBindingView>(
            await Admin.PostAsync(PassRoutes.Cards, new BindCardRequest(_liu, "04A23B1D", CardReaderFormat.HexUid)), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await LookUpAsync("card_number=04A23B1D")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"{PassRoutes.Cards}/{binding.Id}/report-lost")).StatusCode);

        var lost = await LookUpAsync("card_number=04A23B1D");
        Assert.Equal(HttpStatusCode.NotFound, lost.StatusCode);
        Assert.Equal(OAuthErrors.NotFound, (await OAuthApi.ErrorOf(lost)).Error);
    }

    [Fact]
    public async Task A_locked_person_is_found_and_said_to_be_locked()
    {
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"{PassRoutes.Users}/{_liu}/lock")).StatusCode);

        Assert.Equal("locked", (await FoundAsync(await LookUpAsync($"sub={_liu}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_client_without_users_read_and_a_persons_token_are_refused_with_403()
    {
        var bare = await LookUpAsync($"sub={_liu}", TestClient.Bare);
        await App.CreatePersonAsync("kim@test.local", "Kim Lee");
        var person = await LookUpAsync($"sub={_liu}", bearer: (await Api.PersonTokensAsync("kim@test.local")).AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        Assert.Equal(OAuthErrors.UnauthorizedClient, (await OAuthApi.ErrorOf(bare)).Error);
        Assert.Equal(HttpStatusCode.Forbidden, person.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LookUpAsync($"sub={_liu}", bearer: "not-a-token")).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sub=")]
    [InlineData("sub=a&phone=13800138000")]
    [InlineData("card_number=04A23B1C&phone=13800138000")]
    [InlineData("phone=not-a-phone")]
    [InlineData("card_number=zz")]
    [InlineData("staff_number=%20")]
    [InlineData("staff_number=S-2002&sub=x")]
    public async Task A_lookup_by_no_key_two_keys_or_a_malformed_one_is_400(string query)
    {
        var response = await LookUpAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OAuthErrors.InvalidRequest, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Fact]
    public async Task A_sub_longer_than_any_id_is_400_and_an_unknown_one_404()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await LookUpAsync("sub=" + new string('a', 65))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync($"sub={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Every_lookup_is_audited_with_the_client_the_key_masked_and_misses_as_failures()
    {
        await BindAsync("04A23B1C", CardReaderFormat.HexUid);
        await LookUpAsync("card_number=04A23B1C");
        await LookUpAsync("phone=13900139000");
        await LookUpAsync($"sub={_liu}", TestClient.Bare);

        var lines = (await App.WithScopeAsync(sp => sp.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery(Type: AuditEventType.PersonLookedUp)))).Items;

        Assert.Equal(2, lines.Count);
        var miss = lines.Single(l => !l.Success);
        var hit = lines.Single(l => l.Success);
        Assert.Equal((TestClient.Terminal.ClientId, _liu, "by card ••••3B1C"), (hit.ClientId, hit.SubjectUserId, hit.Detail));
        Assert.Equal((TestClient.Terminal.ClientId, (string?)null, "by phone +86139****9000"), (miss.ClientId, miss.SubjectUserId, miss.Detail));
    }

    [Fact]
    public async Task An_administrator_gives_a_confidential_client_users_read_and_never_a_public_one()
    {
        var registered = await Admin.PostAsync(PassRoutes.Clients,
            new RegisterClientRequest("Canteen till", [PassGrantTypes.ClientCredentials], Permissions: [PassPermissions.UsersRead]));
        var secret = await Admin.ReadAsync<ClientSecretResponse>(registered, HttpStatusCode.Created);
        var app = new TestClient(secret.ClientId, secret.ClientSecret!, null, PassGrantTypes.ClientCredentials);

        Assert.Equal(HttpStatusCode.OK, (await LookUpAsync($"sub={_liu}", app)).StatusCode);
        var summary = await Admin.ReadAsync<ClientSummary>(await Admin.Http.GetAsync($"{PassRoutes.Clients}/{secret.ClientId}"));
        Assert.Equal([PassPermissions.UsersRead], summary.Permissions);

        await Admin.ReadAsync<ClientSummary>(await Admin.Http.PutAsJsonAsync($"{PassRoutes.Clients}/{secret.ClientId}",
            new UpdateClientRequest(null, null, Permissions: [])));
        Assert.Equal(HttpStatusCode.Forbidden, (await LookUpAsync($"sub={_liu}", app)).StatusCode);

        var spa = await Admin.PostAsync(PassRoutes.Clients, new RegisterClientRequest("Phone app", [PassGrantTypes.AuthorizationCode],
            RedirectUris: ["pass.app:/callback"], Type: ClientType.Native, Permissions: [PassPermissions.UsersRead]));
        var unknown = await Admin.PostAsync(PassRoutes.Clients, new RegisterClientRequest("Till", [PassGrantTypes.ClientCredentials], Permissions: ["users:write"]));
        Assert.Equal(nameof(ProblemCode.PublicClientPermissions), await CodeOfAsync(spa, "permissions"));
        Assert.Equal(nameof(ProblemCode.PermissionUnknown), await CodeOfAsync(unknown, "permissions"));
        var signInOnly = await Admin.PostAsync(PassRoutes.Clients, new RegisterClientRequest("Site", [PassGrantTypes.AuthorizationCode],
            RedirectUris: ["https://site.example.edu/callback"], Permissions: [PassPermissions.UsersRead]));
        Assert.Equal(nameof(ProblemCode.PermissionsNeedClientCredentials), await CodeOfAsync(signInOnly, "permissions"));
    }

    private static async Task<string?> CodeOfAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.GetProperty("codes").GetProperty(field)[0].GetProperty("code").GetString();
    }
}
