using System.Net;
using System.Net.Http.Json;
using Pass.Shared.Cards;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Shared.Users;
using Pass.Web.Tests.Fuzz;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>
/// Every API route and every page × {anonymous, User, another User, Helpdesk, Admin, terminal client}, with the
/// answer each must get. Per-person resources (tokens, QR sessions, cards) belong to the User column's person A; the
/// "another User" column asks for A's, and must neither see nor change them. Writes act on fresh resources.
/// </summary>
public sealed class AuthorizationMatrixTests(SixCallers pass) : IClassFixture<SixCallers>
{
    /// <summary>
    /// How a caller presents itself to the route: the portal's cookie, an app's bearer token (a new one for each request:
    /// rows revoke tokens), or client authentication.
    /// </summary>
    public enum Style { Portal, App, Client }

    public sealed record Row(string Method, string Route, Style Style, string Expected, Func<SixCallers, Task<(string Url, HttpContent? Body)>> Build)
    {
        public override string ToString() => $"{Method} {Route}";
    }

    private static Task<(string, HttpContent?)> At(string url, object? body = null) =>
        Task.FromResult<(string, HttpContent?)>((url, body is null ? null : JsonContent.Create(body, body.GetType())));

    private static (string, HttpContent?) Form(string url, params (string Key, string Value)[] fields) =>
        (url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    // Columns: anonymous, User (A), another User (B, asking for A's), Helpdesk, Admin, terminal.
    public static readonly IReadOnlyList<Row> Api =
    [
        new("GET", PassRoutes.Antiforgery, Style.Portal, "200 200 200 200 200 200", _ => At(PassRoutes.Antiforgery)),
        new("POST", PassRoutes.Api + "/account/login", Style.Portal, "401 401 401 401 401 401",
            _ => At(PassRoutes.Api + "/account/login", new LoginRequest("nobody@test.local", "wrong-password"))),
        new("POST", PassRoutes.Api + "/account/logout", Style.Portal, "401 204 204 204 204 401", _ => At(PassRoutes.Api + "/account/logout")),
        new("GET", PassRoutes.Me, Style.Portal, "401 200 200 200 200 401", _ => At(PassRoutes.Me)),
        new("GET", PassRoutes.Me + "/tokens", Style.Portal, "401 200 200 200 200 401", _ => At(PassRoutes.Me + "/tokens")),
        new("DELETE", PassRoutes.Me + "/tokens/{id}", Style.Portal, "401 204 404 404 404 401",
            async p => ($"{PassRoutes.Me}/tokens/{await p.NewTokenOfUserAsync()}", null)),
        new("POST", PassRoutes.Me + "/tokens/revoke-all", Style.Portal, "401 200 200 200 200 401", _ => At(PassRoutes.Me + "/tokens/revoke-all")),
        new("GET", PassRoutes.Me + "/cards", Style.Portal, "401 200 200 200 200 401", _ => At(PassRoutes.Me + "/cards")),
        new("POST", PassRoutes.Me + "/cards/{id:guid}/report-lost", Style.Portal, "401 200 404 404 404 401",
            async p => ($"{PassRoutes.Me}/cards/{await p.NewCardOfUserAsync()}/report-lost", null)),
        new("POST", PassRoutes.Me + "/qr", Style.Portal, "401 200 200 200 200 401", _ => At(PassRoutes.Me + "/qr")),
        new("GET", PassRoutes.Me + "/qr/{session}", Style.Portal, "401 200 404 404 200 401",
            async p => ($"{PassRoutes.Me}/qr/{await p.NewQrSessionOfUserAsync()}", null)),
        new("GET", PassRoutes.Me + "/qr/{session}/events", Style.Portal, "401 200 404 404 200 401",
            async p => ($"{PassRoutes.Me}/qr/{await p.NewQrSessionOfUserAsync()}/events", null)),

        new("GET", PassRoutes.MyNotices, Style.Portal, "401 200 200 200 200 401", _ => At(PassRoutes.MyNotices)),
        new("GET", PassRoutes.MyNotices + "/unread", Style.Portal, "401 200 200 200 200 401", _ => At(PassRoutes.MyNotices + "/unread")),
        new("POST", PassRoutes.MyNotices + "/{id:guid}/read", Style.Portal, "401 204 404 404 404 401",
            async p => ($"{PassRoutes.MyNotices}/{await p.NewNoticeOfUserAsync()}/read", null)),
        new("POST", PassRoutes.MyNotices + "/read-all", Style.Portal, "401 204 204 204 204 401", _ => At(PassRoutes.MyNotices + "/read-all")),
        new("GET", PassRoutes.MyNotices + "/muted", Style.Portal, "401 200 200 200 200 401", _ => At(PassRoutes.MyNotices + "/muted")),
        new("PUT", PassRoutes.MyNotices + "/muted/{clientId}", Style.Portal, "401 204 204 204 204 401", _ => At($"{PassRoutes.MyNotices}/muted/{TestClient.Bare.ClientId}")),
        new("DELETE", PassRoutes.MyNotices + "/muted/{clientId}", Style.Portal, "401 204 204 204 204 401", _ => At($"{PassRoutes.MyNotices}/muted/{TestClient.Bare.ClientId}")),
        new("GET", PassRoutes.MyNotices + "/events", Style.Portal, "401 200 200 200 200 401", _ => At(PassRoutes.MyNotices + "/events")),

        new("GET", PassRoutes.Users, Style.Portal, "401 403 403 200 200 401", _ => At(PassRoutes.Users)),
        new("POST", PassRoutes.Users, Style.Portal, "401 403 403 403 201 401",
            _ => At(PassRoutes.Users, new CreateUserRequest($"new-{Guid.NewGuid():N}@test.local", "New Person"))),
        new("GET", PassRoutes.Users + "/{id}", Style.Portal, "401 403 403 403 200 401", p => At($"{PassRoutes.Users}/{p.UserId}")),
        new("PUT", PassRoutes.Users + "/{id}", Style.Portal, "401 403 403 403 200 401",
            async p => ($"{PassRoutes.Users}/{await p.NewPersonAsync()}", JsonContent.Create(new UpdateUserRequest($"edited-{Guid.NewGuid():N}@test.local", "Edited Person")))),
        new("DELETE", PassRoutes.Users + "/{id}", Style.Portal, "401 403 403 403 204 401", async p => ($"{PassRoutes.Users}/{await p.NewPersonAsync()}", null)),
        new("POST", PassRoutes.Users + "/{id}/lock", Style.Portal, "401 403 403 403 200 401", async p => ($"{PassRoutes.Users}/{await p.NewPersonAsync()}/lock", null)),
        new("POST", PassRoutes.Users + "/{id}/unlock", Style.Portal, "401 403 403 403 200 401", async p => ($"{PassRoutes.Users}/{await p.NewPersonAsync()}/unlock", null)),
        new("PUT", PassRoutes.Users + "/{id}/roles", Style.Portal, "401 403 403 403 200 401",
            async p => ($"{PassRoutes.Users}/{await p.NewPersonAsync()}/roles", JsonContent.Create(new SetRolesRequest([PassRoles.User, PassRoles.Helpdesk])))),
        new("PUT", PassRoutes.Users + "/{id}/phone", Style.Portal, "401 403 403 403 200 401",
            async p => ($"{PassRoutes.Users}/{await p.NewPersonAsync()}/phone", JsonContent.Create(new SetPhoneRequest(null)))),
        new("POST", PassRoutes.Users + "/{id}/reset-password", Style.Portal, "401 403 403 403 200 401",
            async p => ($"{PassRoutes.Users}/{await p.NewPersonAsync()}/reset-password", null)),

        new("GET", PassRoutes.Clients, Style.Portal, "401 403 403 403 200 401", _ => At(PassRoutes.Clients)),
        new("POST", PassRoutes.Clients, Style.Portal, "401 403 403 403 201 401",
            _ => At(PassRoutes.Clients, new RegisterClientRequest("Matrix terminal", [PassGrantTypes.ClientCredentials]))),
        new("GET", PassRoutes.Clients + "/{clientId}", Style.Portal, "401 403 403 403 200 401", _ => At($"{PassRoutes.Clients}/{TestClient.Bare.ClientId}")),
        new("PUT", PassRoutes.Clients + "/{clientId}", Style.Portal, "401 403 403 403 200 401",
            _ => At($"{PassRoutes.Clients}/{TestClient.Bare.ClientId}", new UpdateClientRequest("Bare", [PassGrantTypes.ClientCredentials]))),
        new("POST", PassRoutes.Clients + "/{clientId}/secret", Style.Portal, "401 403 403 403 200 401", _ => At($"{PassRoutes.Clients}/{TestClient.Bare.ClientId}/secret")),
        new("POST", PassRoutes.Clients + "/{clientId}/disable", Style.Portal, "401 403 403 403 204 401", _ => At($"{PassRoutes.Clients}/{TestClient.Bare.ClientId}/disable")),
        new("POST", PassRoutes.Clients + "/{clientId}/enable", Style.Portal, "401 403 403 403 204 401", _ => At($"{PassRoutes.Clients}/{TestClient.Bare.ClientId}/enable")),

        new("GET", PassRoutes.Cards, Style.Portal, "401 403 403 200 200 401", p => At($"{PassRoutes.Cards}?userId={p.UserId}")),
        new("POST", PassRoutes.Cards, Style.Portal, "401 403 403 201 201 401",
            async p => (PassRoutes.Cards, JsonContent.Create(new BindCardRequest(await p.NewPersonAsync(), SixCallers.NewCardNumber(), CardReaderFormat.HexUid)))),
        new("GET", PassRoutes.Cards + "/history", Style.Portal, "401 403 403 200 200 401", _ => At($"{PassRoutes.Cards}/history?number=04A3B2C1&format=HexUid")),
        new("POST", PassRoutes.Cards + "/{id:guid}/unbind", Style.Portal, "401 403 403 200 200 401",
            async p => ($"{PassRoutes.Cards}/{await p.NewCardOfUserAsync()}/unbind", null)),
        new("POST", PassRoutes.Cards + "/{id:guid}/report-lost", Style.Portal, "401 403 403 200 200 401",
            async p => ($"{PassRoutes.Cards}/{await p.NewCardOfUserAsync()}/report-lost", null)),
        new("POST", PassRoutes.Cards + "/{id:guid}/replace", Style.Portal, "401 403 403 200 200 401",
            async p => ($"{PassRoutes.Cards}/{await p.NewCardOfUserAsync()}/replace", JsonContent.Create(new ReplaceCardRequest(SixCallers.NewCardNumber(), CardReaderFormat.HexUid)))),

        new("GET", PassRoutes.Tokens, Style.Portal, "401 403 403 403 200 401", _ => At(PassRoutes.Tokens)),
        new("DELETE", PassRoutes.Tokens + "/{id}", Style.Portal, "401 403 403 403 204 401", async p => ($"{PassRoutes.Tokens}/{await p.NewTokenOfUserAsync()}", null)),
        new("POST", PassRoutes.Tokens + "/users/{userId}/revoke", Style.Portal, "401 403 403 403 200 401", p => At($"{PassRoutes.Tokens}/users/{p.UserId}/revoke")),
        new("POST", PassRoutes.Tokens + "/clients/{clientId}/revoke", Style.Portal, "401 403 403 403 200 401", _ => At($"{PassRoutes.Tokens}/clients/{TestClient.Bare.ClientId}/revoke")),
        new("GET", PassRoutes.Audit, Style.Portal, "401 403 403 403 200 401", _ => At(PassRoutes.Audit)),
        new("GET", PassRoutes.Api + "/qr-board", Style.Portal, "401 403 403 403 200 401", _ => At(PassRoutes.Api + "/qr-board")),
        new("GET", PassRoutes.Api + "/qr-board/events", Style.Portal, "401 403 403 403 200 401", _ => At(PassRoutes.Api + "/qr-board/events")),
        new("GET", PassRoutes.Api + "/qr-board/counts", Style.Portal, "401 403 403 403 200 401", _ => At(PassRoutes.Api + "/qr-board/counts")),
        new("GET", PassRoutes.Api + "/sms/outbox", Style.Portal, "401 403 403 403 200 401", _ => At(PassRoutes.Api + "/sms/outbox")),
        new("GET", PassRoutes.Channels, Style.Portal, "401 403 403 403 200 401", _ => At(PassRoutes.Channels)),
        new("PUT", PassRoutes.Channels + "/{kind}", Style.Portal, "401 403 403 403 200 401",
            _ => At($"{PassRoutes.Channels}/WeChatWebsite", new Pass.Shared.Channels.UpdateChannelRequest(false, null))),
        new("POST", PassRoutes.Channels + "/{kind}/key-pair", Style.Portal, "401 403 403 403 200 401", _ => At($"{PassRoutes.Channels}/Alipay/key-pair")),
        new("GET", PassRoutes.ExternalSignIn + "/{scheme}", Style.Portal, "302 302 302 302 302 302", _ => At(PassRoutes.ExternalSignIn + "/wechat-website")),
        new("GET", PassRoutes.ExternalDone, Style.Portal, "302 302 302 302 302 302", _ => At(PassRoutes.ExternalDone)),
        new("POST", PassRoutes.LinkedAccounts + "/link", Style.Portal, "302 302 302 302 302 302",
            _ => Task.FromResult(Form(PassRoutes.LinkedAccounts + "/link", ("scheme", "wechat-website")))),
        new("POST", PassRoutes.KioskEvents, Style.Portal, "404 404 404 404 404 404", _ => At(PassRoutes.KioskEvents, new { deviceCode = "unknown" })),
        new("POST", PassRoutes.KioskSession, Style.Portal, "400 401 401 401 401 400", _ => At(PassRoutes.KioskSession, new { accessToken = "unknown" })),

        // The OAuth side: apps show their person's access token; the terminal its own token, or its client credentials.
        new("POST", PassRoutes.Token, Style.Client, "401 401 401 401 401 200", _ => Task.FromResult(Form(PassRoutes.Token, ("grant_type", "client_credentials")))),
        new("GET", PassRoutes.CheckToken, Style.App, "401 200 200 200 200 200", _ => At(PassRoutes.CheckToken)),
        new("POST", PassRoutes.CheckToken, Style.App, "401 200 200 200 200 200", _ => At(PassRoutes.CheckToken)),
        new("POST", PassRoutes.QrCode, Style.App, "401 200 200 200 200 403", _ => Task.FromResult(Form(PassRoutes.QrCode, ("session", Guid.NewGuid().ToString("N"))))),
        new("GET", PassRoutes.QrCodeStatus, Style.App, "401 200 404 404 200 404", async p => ($"{PassRoutes.QrCodeStatus}?session={await p.NewQrSessionOfUserAsync()}", null)),
        new("GET", PassRoutes.SmsCode, Style.App, "401 403 403 403 403 403", _ => At($"{PassRoutes.SmsCode}?phone=13800138000")),
        new("POST", PassRoutes.Message, Style.App, "401 403 403 403 403 200",
            p => Task.FromResult(Form(PassRoutes.Message, ("sub", p.UserId), ("title", "Matrix"), ("body", "A message from the matrix.")))),
        new("GET", PassRoutes.User, Style.App, "401 403 403 403 403 200", p => At($"{PassRoutes.User}?sub={p.UserId}")),
        new("GET", PassRoutes.UserInfo, Style.App, "401 200 200 200 200 401", _ => At(PassRoutes.UserInfo)),
        new("POST", PassRoutes.UserInfo, Style.App, "401 200 200 200 200 401", _ => Task.FromResult(Form(PassRoutes.UserInfo))),
        new("POST", PassRoutes.Revoke, Style.Client, "401 401 401 401 401 200", _ => Task.FromResult(Form(PassRoutes.Revoke, ("token", "not-a-token")))),
        new("POST", PassRoutes.Introspect, Style.Client, "401 401 401 401 401 200", _ => Task.FromResult(Form(PassRoutes.Introspect, ("token", "not-a-token")))),
        new("POST", PassRoutes.DeviceAuthorization, Style.Client, "200 200 200 200 200 400", _ => Task.FromResult(Form(PassRoutes.DeviceAuthorization, ("client_id", "pass-kiosk")))),
        new("GET", PassRoutes.Authorize, Style.Portal, "400 400 400 400 400 400", _ => At($"{PassRoutes.Authorize}?client_id=unknown&response_type=code")),
        new("POST", PassRoutes.Authorize, Style.Portal, "400 400 400 400 400 400", _ => Task.FromResult(Form(PassRoutes.Authorize, ("client_id", "unknown"), ("response_type", "code")))),
        new("GET", PassRoutes.EndSession, Style.Portal, "302 302 302 302 302 302", _ => At(PassRoutes.EndSession)),
        new("POST", PassRoutes.EndSession, Style.Portal, "302 302 302 302 302 302", _ => Task.FromResult(Form(PassRoutes.EndSession))),
        new("GET", PassRoutes.Metadata, Style.App, "200 200 200 200 200 200", _ => At(PassRoutes.Metadata)),
        new("GET", "/.well-known/openid-configuration", Style.App, "200 200 200 200 200 200", _ => At("/.well-known/openid-configuration")),
        new("GET", "/.well-known/jwks", Style.App, "200 200 200 200 200 200", _ => At("/.well-known/jwks")),
    ];

    // Pages: shown, sent to sign in, or access denied. Columns as above; a terminal's token opens no page.
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "shown shown shown shown shown shown" },
        { "/me/qr", "sign-in shown shown shown shown sign-in" },
        { "/me/cards", "sign-in shown shown shown shown sign-in" },
        { "/me/tokens", "sign-in shown shown shown shown sign-in" },
        { "/me/messages", "sign-in shown shown shown shown sign-in" },
        { "/helpdesk/cards", "sign-in denied denied shown shown sign-in" },
        { "/Account/Manage", "sign-in shown shown shown shown sign-in" },
        { "/Account/Manage/ChangePassword", "sign-in shown shown shown shown sign-in" },
        { "/Account/Manage/ConnectedSites", "sign-in shown shown shown shown sign-in" },
        { "/Account/Manage/ExternalLogins", "sign-in shown shown shown shown sign-in" },
        { "/Account/ExternalLink", "sign-in sign-in sign-in sign-in sign-in sign-in" },
        { "/login/qr", "shown shown shown shown shown shown" },
        { "/login/qr/verify", "sign-in shown shown shown shown sign-in" },
        { "/oauth/consent?client_id=web-site", "sign-in shown shown shown shown sign-in" },
        { "/admin", "sign-in denied denied denied shown sign-in" },
        { "/admin/users", "sign-in denied denied denied shown sign-in" },
        { "/admin/clients", "sign-in denied denied denied shown sign-in" },
        { "/admin/tokens", "sign-in denied denied denied shown sign-in" },
        { "/admin/audit", "sign-in denied denied denied shown sign-in" },
        { "/admin/qr", "sign-in denied denied denied shown sign-in" },
        { "/admin/sms", "sign-in denied denied denied shown sign-in" },
        { "/admin/channels", "sign-in denied denied denied shown sign-in" },
    };

    public static TheoryData<string> ApiRows => [.. Api.Select(r => r.ToString())];

    [Theory]
    [MemberData(nameof(ApiRows))]
    public async Task Each_caller_gets_the_expected_answer_from_the_api(string name)
    {
        var row = Api.Single(r => r.ToString() == name);
        var actual = new List<string>();
        foreach (var who in Enum.GetValues<Who>())
        {
            var (url, body) = await row.Build(pass);
            var http = row.Style switch
            {
                Style.Portal => await pass.PortalAsync(who, fresh: row.Route.EndsWith("/logout", StringComparison.Ordinal)),
                Style.App => await pass.AppClientAsync(who),
                _ => await pass.ClientAsync(who),
            };
            using var request = new HttpRequestMessage(new HttpMethod(row.Method), url) { Content = body };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            actual.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(row.Expected, string.Join(' ', actual));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_caller_gets_the_expected_answer_from_the_pages(string page, string expected)
    {
        var actual = new List<string>();
        foreach (var who in Enum.GetValues<Who>())
        {
            using var response = await (await pass.PortalAsync(who, fresh: false)).GetAsync(page);
            actual.Add(Classify(response));
        }

        Assert.Equal(expected, string.Join(' ', actual));
    }

    [Fact]
    public async Task What_another_person_tried_leaves_the_owners_tokens_cards_and_qr_codes_as_they_were()
    {
        var token = await pass.NewTokenOfUserAsync();
        var card = await pass.NewCardOfUserAsync();
        var session = await pass.NewQrSessionOfUserAsync();
        var other = await pass.PortalAsync(Who.AnotherUser, fresh: false);

        using var revoke = await other.DeleteAsync($"{PassRoutes.Me}/tokens/{token}");
        using var lost = await other.PostAsync($"{PassRoutes.Me}/cards/{card}/report-lost", null);
        using var read = await other.GetAsync($"{PassRoutes.Me}/qr/{session}");

        Assert.All(new[] { revoke, lost, read }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var owner = await pass.PortalAsync(Who.User, fresh: false);
        var tokens = await owner.GetFromJsonAsync<Pass.Shared.PagedResult<Pass.Shared.Tokens.TokenView>>(PassRoutes.Me + "/tokens");
        Assert.Contains(tokens!.Items, t => t.Id == token);
        var cards = await owner.GetFromJsonAsync<List<CardBindingView>>(PassRoutes.Me + "/cards");
        Assert.Equal(CardBindingStatus.Active, cards!.Single(c => c.Id == card).Status);
        var qr = await owner.GetFromJsonAsync<QrSessionView>($"{PassRoutes.Me}/qr/{session}");
        Assert.Equal(Pass.Shared.QrLogin.QrSessionStatus.Unused, qr!.Status);
    }

    [Fact]
    public void The_matrix_has_a_row_for_every_route()
    {
        var rows = Api.Select(r => $"{r.Method} {r.Route}").Order().ToList();
        var routes = FuzzTarget.All.SelectMany(t => t.Methods.Select(m => $"{m} {t.Template}")).Order().ToList();

        Assert.Equal(routes, rows);
    }

    private static string Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "shown",
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => "sign-in",
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => "denied",
        _ => $"{(int)response.StatusCode}",
    };
}
