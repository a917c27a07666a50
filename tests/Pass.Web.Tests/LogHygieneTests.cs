using System.Net;
using System.Net.Http.Json;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

public class LogHygieneTests
{
    [Fact]
    public async Task Request_logs_name_each_request_but_never_a_token_a_secret_or_a_full_card_number()
    {
        await using var app = new PassApplication(productionLogging: true);
        var api = new OAuthApi(app.CreateClient());
        var personId = await app.CreatePersonAsync("judy@test.local");
        await app.CreatePersonAsync("desk@test.local", "Desk", "Helpdesk");
        using var desk = await PortalSession.SignInAsync(app, "desk@test.local");
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsync(PassRoutes.Cards, new BindCardRequest(personId, "04A23B1C", CardReaderFormat.HexUid))).StatusCode);

        var person = await api.PersonTokensAsync("judy@test.local");
        var qr = await api.CreateQrOkAsync(person.AccessToken, "log-session");
        var fromQr = await api.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", qr.AuthCode));
        var fromCard = await api.TokenOkAsync(TestClient.Terminal, ("grant_type", PassGrantTypes.Card), ("card_number", "04A23B1C"));
        await api.RedeemQrAsync(qr.AuthCode);
        await api.CheckAsync(fromCard.AccessToken);
        await api.TokenAsync(TestClient.Terminal with { Secret = "a-wrong-secret-that-must-not-be-logged" }, ("grant_type", "client_credentials"));

        var logs = string.Join("\n", app.Logs.Lines);
        Assert.Contains(PassRoutes.CheckToken, logs);
        Assert.Contains(PassRoutes.Token, logs);
        string[] secrets =
        [
            person.AccessToken, person.RefreshToken!, qr.AuthCode, fromQr.AccessToken, fromCard.AccessToken,
            TestClient.Terminal.Secret, "a-wrong-secret-that-must-not-be-logged", PassApplication.PersonPassword, "04A23B1C",
        ];
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, logs));
    }
}
