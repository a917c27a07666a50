using System.Net;
using System.Net.Http.Json;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

public class CardGrantTests : PassTestBase
{
    private PortalSession _desk = null!;
    private string _personId = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _personId = await App.CreatePersonAsync("dave@test.local", "Dave Smith");
        await App.CreatePersonAsync("desk@test.local", "Desk Operator", "Helpdesk");
        _desk = await PortalSession.SignInAsync(App, "desk@test.local");
    }

    public override async ValueTask DisposeAsync()
    {
        _desk.Dispose();
        await base.DisposeAsync();
    }

    private async Task<CardBindingView> BindAsync(string typed, CardReaderFormat format = CardReaderFormat.HexUid, string? userId = null)
    {
        var response = await _desk.PostAsync(PassRoutes.Cards, new BindCardRequest(userId ?? _personId, typed, format));
        return await _desk.ReadAsync<CardBindingView>(response, HttpStatusCode.Created);
    }

    private Task<HttpResponseMessage> CardGrantAsync(string typed, TestClient? terminal = null) =>
        Api.TokenAsync(terminal ?? TestClient.Terminal, ("grant_type", PassGrantTypes.Card), ("card_number", typed));

    [Fact]
    public async Task A_bound_card_gets_a_token_for_its_person()
    {
        var binding = await BindAsync("04:A2:3B:1C");
        Assert.Equal("04A23B1C", binding.CardNumber);

        var response = await CardGrantAsync("04a23b1c");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
        var check = (await (await Api.CheckAsync(token.AccessToken)).Content.ReadFromJsonAsync<CheckTokenResponse>())!;
        Assert.Equal(_personId, check.Sub);
    }

    [Fact]
    public async Task A_terminal_reads_the_card_in_its_own_configured_format()
    {
        await BindAsync("04A23B1C");

        var decimalTerminal = await CardGrantAsync("0077740828", TestClient.DecimalTerminal);
        var hexDigitsAtDecimalTerminal = await CardGrantAsync("04A23B1C", TestClient.DecimalTerminal);

        Assert.Equal(HttpStatusCode.OK, decimalTerminal.StatusCode);
        Assert.Equal(OAuthErrors.InvalidRequest, (await OAuthApi.ErrorOf(hexDigitsAtDecimalTerminal)).Error);
    }

    [Fact]
    public async Task An_unbound_card_is_invalid_grant()
    {
        var response = await CardGrantAsync("DEADBEEF");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Fact]
    public async Task A_card_reported_lost_is_invalid_grant_and_its_tokens_die_at_once()
    {
        var binding = await BindAsync("04A23B1C");
        var token = (await (await CardGrantAsync("04A23B1C")).Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(token)).StatusCode);

        using var owner = await PortalSession.SignInAsync(App, "dave@test.local");
        var lost = await owner.PostAsync($"{PassRoutes.Me}/cards/{binding.Id}/report-lost");
        Assert.Equal(CardBindingStatus.Lost, (await owner.ReadAsync<CardBindingView>(lost)).Status);

        await CheckTokenTests.AssertInvalidToken(await Api.CheckAsync(token));
        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(await CardGrantAsync("04A23B1C"))).Error);
    }

    [Fact]
    public async Task A_replaced_card_is_invalid_grant_and_the_new_card_works()
    {
        var old = await BindAsync("04A23B1C");
        var token = (await (await CardGrantAsync("04A23B1C")).Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;

        var replaced = await _desk.PostAsync($"{PassRoutes.Cards}/{old.Id}/replace", new ReplaceCardRequest("04112233445566", CardReaderFormat.HexUid));

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(await CardGrantAsync("04A23B1C"))).Error);
        await CheckTokenTests.AssertInvalidToken(await Api.CheckAsync(token));
        Assert.Equal(HttpStatusCode.OK, (await CardGrantAsync("04112233445566")).StatusCode);
    }

    [Fact]
    public async Task An_unbound_by_the_helpdesk_card_is_invalid_grant()
    {
        var binding = await BindAsync("04A23B1C");

        Assert.Equal(HttpStatusCode.OK, (await _desk.PostAsync($"{PassRoutes.Cards}/{binding.Id}/unbind")).StatusCode);

        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(await CardGrantAsync("04A23B1C"))).Error);
    }

    [Fact]
    public async Task A_card_bound_to_someone_else_is_refused_with_whom_it_belongs_to_masked()
    {
        await BindAsync("04A23B1C");
        var otherId = await App.CreatePersonAsync("erin@test.local", "Erin Jones");

        var response = await _desk.PostAsync(PassRoutes.Cards, new BindCardRequest(otherId, "04 a2 3b 1c", CardReaderFormat.HexUid));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("D*** S****", problem);
        Assert.DoesNotContain("Dave Smith", problem);
    }

    private async Task<CardBindingView> BindThenLoseAsync(string typed)
    {
        var binding = await BindAsync(typed);
        using var owner = await PortalSession.SignInAsync(App, "dave@test.local");
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"{PassRoutes.Me}/cards/{binding.Id}/report-lost")).StatusCode);
        return binding;
    }

    [Fact]
    public async Task A_card_reported_lost_is_not_bound_again_without_acknowledging_that_loss()
    {
        var lost = await BindThenLoseAsync("04A23B1C");
        var otherId = await App.CreatePersonAsync("erin@test.local", "Erin Jones");

        var warned = await _desk.PostAsync(PassRoutes.Cards, new BindCardRequest(otherId, "04:a2:3b:1c", CardReaderFormat.HexUid));

        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await warned.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        Assert.Equal(lost.Id, root.GetProperty("lostBindingId").GetGuid());
        Assert.Equal("D*** S****", root.GetProperty("boundTo").GetString());
        Assert.True(root.GetProperty("reportedLostAt").TryGetDateTimeOffset(out _));
        Assert.DoesNotContain("Dave Smith", root.GetRawText());
        Assert.Equal(OAuthErrors.InvalidGrant, (await OAuthApi.ErrorOf(await CardGrantAsync("04A23B1C"))).Error);

        var bound = await _desk.PostAsync(PassRoutes.Cards, new BindCardRequest(otherId, "04:a2:3b:1c", CardReaderFormat.HexUid, lost.Id));

        Assert.Equal(otherId, (await _desk.ReadAsync<CardBindingView>(bound, HttpStatusCode.Created)).UserId);
        Assert.Equal(HttpStatusCode.OK, (await CardGrantAsync("04A23B1C")).StatusCode);
    }

    [Fact]
    public async Task An_acknowledgement_names_one_lost_binding_and_does_not_carry_over_to_another_card()
    {
        var lostA = await BindThenLoseAsync("04A23B1C");
        var lostB = await BindThenLoseAsync("DEADBEEF");

        var withOtherCardsAck = await _desk.PostAsync(PassRoutes.Cards, new BindCardRequest(_personId, "DEADBEEF", CardReaderFormat.HexUid, lostA.Id));
        var withMadeUpAck = await _desk.PostAsync(PassRoutes.Cards, new BindCardRequest(_personId, "DEADBEEF", CardReaderFormat.HexUid, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Conflict, withOtherCardsAck.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, withMadeUpAck.StatusCode);
        Assert.Contains(lostB.Id.ToString(), await withMadeUpAck.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Replacing_a_card_with_one_reported_lost_also_needs_the_acknowledgement()
    {
        var lost = await BindThenLoseAsync("DEADBEEF");
        var current = await BindAsync("04A23B1C");

        var warned = await _desk.PostAsync($"{PassRoutes.Cards}/{current.Id}/replace", new ReplaceCardRequest("DEADBEEF", CardReaderFormat.HexUid));
        var replaced = await _desk.PostAsync($"{PassRoutes.Cards}/{current.Id}/replace", new ReplaceCardRequest("DEADBEEF", CardReaderFormat.HexUid, lost.Id));

        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        Assert.Contains("reported lost", await warned.Content.ReadAsStringAsync());
        Assert.Equal("DEADBEEF", (await _desk.ReadAsync<CardBindingView>(replaced)).CardNumber);
    }

    [Fact]
    public async Task The_browser_desk_service_reads_the_lost_card_warning_and_binds_with_its_acknowledgement()
    {
        var lost = await BindThenLoseAsync("04A23B1C");
        using var http = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = App.ClientOptions.BaseAddress });
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new Pass.Shared.Users.LoginRequest("desk@test.local", PassApplication.PersonPassword))).StatusCode);
        var desk = new Pass.Web.Client.Services.ClientCardDeskService(new Pass.Web.Client.Services.PortalHttp(http));

        var warned = CardHolder.Of(await desk.BindCardAsync(_personId, "0077740828", CardReaderFormat.DecimalUid));
        var bound = await desk.BindCardAsync(_personId, "0077740828", CardReaderFormat.DecimalUid, warned?.BindingId);

        Assert.True(warned?.ReportedLost);
        Assert.Equal(lost.Id, warned?.BindingId);
        Assert.Equal("D*** S****", warned?.BoundTo);
        Assert.NotNull(warned?.ReportedLostAt);
        Assert.True(bound.Succeeded);
        Assert.Equal("04A23B1C", bound.Value?.CardNumber);
    }

    [Fact]
    public async Task Binding_garbage_is_refused_with_the_reason()
    {
        var response = await _desk.PostAsync(PassRoutes.Cards, new BindCardRequest(_personId, "04A23BZZ", CardReaderFormat.HexUid));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("0-9 and A-F", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_or_malformed_card_number_is_invalid_request()
    {
        var missing = await Api.TokenAsync(TestClient.Terminal, ("grant_type", PassGrantTypes.Card));
        var malformed = await CardGrantAsync("not hex at all");

        Assert.Equal(OAuthErrors.InvalidRequest, (await OAuthApi.ErrorOf(missing)).Error);
        var error = await OAuthApi.ErrorOf(malformed);
        Assert.Equal(OAuthErrors.InvalidRequest, error.Error);
        Assert.Contains("0-9 and A-F", error.ErrorDescription);
    }

    [Fact]
    public async Task A_client_not_allowed_the_card_grant_is_refused()
    {
        var response = await Api.TokenAsync(TestClient.App, ("grant_type", PassGrantTypes.Card), ("card_number", "04A23B1C"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OAuthErrors.UnauthorizedClient, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Fact]
    public async Task The_card_history_lists_every_binding_of_the_number()
    {
        var first = await BindAsync("04A23B1C");
        await _desk.PostAsync($"{PassRoutes.Cards}/{first.Id}/unbind");
        var otherId = await App.CreatePersonAsync("frank@test.local");
        await BindAsync("04A23B1C", userId: otherId);

        var history = await _desk.ReadAsync<List<CardBindingView>>(await _desk.Http.GetAsync($"{PassRoutes.Cards}/history?number=0077740828&format=DecimalUid"));

        Assert.Equal([CardBindingStatus.Active, CardBindingStatus.Unbound], history.Select(h => h.Status));
        Assert.Equal([otherId, _personId], history.Select(h => h.UserId));
    }

    [Fact]
    public async Task The_history_also_takes_the_canonical_number_as_the_portal_shows_it()
    {
        var binding = await BindAsync("123/45678", CardReaderFormat.Wiegand26);
        Assert.Equal("7BB26E", binding.CardNumber);

        var history = await _desk.ReadAsync<List<CardBindingView>>(await _desk.Http.GetAsync($"{PassRoutes.Cards}/history?number=7BB26E"));
        var garbage = await _desk.Http.GetAsync($"{PassRoutes.Cards}/history?number=7bb26e");

        Assert.Equal(binding.Id, Assert.Single(history).Id);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    [Fact]
    public async Task A_person_sees_their_own_cards_masked_and_cannot_report_someone_elses_lost()
    {
        var binding = await BindAsync("04A23B1C");
        await App.CreatePersonAsync("grace@test.local");
        using var stranger = await PortalSession.SignInAsync(App, "grace@test.local");
        using var owner = await PortalSession.SignInAsync(App, "dave@test.local");

        var mine = await owner.ReadAsync<List<CardBindingView>>(await owner.Http.GetAsync($"{PassRoutes.Me}/cards"));
        var theft = await stranger.PostAsync($"{PassRoutes.Me}/cards/{binding.Id}/report-lost");

        var card = Assert.Single(mine);
        Assert.Null(card.CardNumber);
        Assert.Equal("••••3B1C", card.MaskedNumber);
        Assert.Equal(HttpStatusCode.NotFound, theft.StatusCode);
    }

    [Fact]
    public async Task Parallel_binds_of_one_card_to_different_people_leave_exactly_one_binding()
    {
        var people = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            people.Add(await App.CreatePersonAsync());
        }

        var responses = await Task.WhenAll(people.Select(id => _desk.PostAsync(PassRoutes.Cards, new BindCardRequest(id, "04A23B1C", CardReaderFormat.HexUid))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }
}
