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
        var refused = await api.TokenAsync(TestClient.Terminal with { Secret = "a-wrong-secret-that-must-not-be-logged" }, ("grant_type", "client_credentials"));
        Assert.False(refused.IsSuccessStatusCode);

        // The request log is written once the response is done, which may be after the client has it: wait for the
        // last requests' lines (the check, and the only token request refused) before reading what was logged.
        var last = $"StatusCode: {(int)refused.StatusCode}";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!app.Logs.Lines.Any(line => line.Contains(PassRoutes.Token, StringComparison.Ordinal) && line.Contains(last, StringComparison.Ordinal))
               || !app.Logs.Lines.Any(line => line.Contains(PassRoutes.CheckToken, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the check and the refused token request were never both logged");
            await Task.Delay(50);
        }

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
