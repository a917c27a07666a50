using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

public class ClientAuthenticationTests : PassTestBase
{
    public static TheoryData<string> Grants => new()
    {
        "client_credentials",
        "password",
        "refresh_token",
        "authorization_code",
        PassGrantTypes.Card,
        PassGrantTypes.Qr,
    };

    private static (string, string)[] FieldsFor(string grant) =>
    [
        ("grant_type", grant), ("code", "some-code"), ("card_number", "04A23B1C"),
        ("username", "x@test.local"), ("password", "pw"), ("refresh_token", "rt"),
    ];

    [Theory]
    [MemberData(nameof(Grants))]
    public async Task Every_grant_without_client_credentials_is_invalid_client(string grant)
    {
        var response = await Api.TokenAsync(null, FieldsFor(grant));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized);
        Assert.Equal(OAuthErrors.InvalidClient, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Theory]
    [MemberData(nameof(Grants))]
    public async Task Every_grant_with_a_wrong_secret_is_invalid_client(string grant)
    {
        var wrong = TestClient.Terminal with { Secret = "wrong-secret-0123456789abcdefghij" };

        var response = await Api.TokenAsync(wrong, FieldsFor(grant));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(OAuthErrors.InvalidClient, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Fact]
    public async Task An_unknown_client_is_invalid_client()
    {
        var response = await Api.TokenAsync(new TestClient("nobody", "whatever-secret-0123456789abcdef", null), ("grant_type", "client_credentials"));

        Assert.Equal(OAuthErrors.InvalidClient, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Fact]
    public async Task Http_basic_authentication_works_and_a_wrong_basic_secret_gets_a_basic_challenge()
    {
        var good = await SendBasicAsync(TestClient.Terminal.ClientId, TestClient.Terminal.Secret);
        var bad = await SendBasicAsync(TestClient.Terminal.ClientId, "wrong-secret-0123456789abcdefghij");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(OAuthErrors.InvalidClient, (await OAuthApi.ErrorOf(bad)).Error);
        Assert.Contains(bad.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
    }

    [Fact]
    public async Task A_client_cannot_use_a_grant_it_was_not_allowed()
    {
        var response = await Api.TokenAsync(TestClient.Terminal, ("grant_type", "password"), ("username", "a@test.local"), ("password", "x"));

        Assert.Equal(OAuthErrors.UnauthorizedClient, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Fact]
    public async Task An_unknown_grant_type_is_unsupported_grant_type()
    {
        var response = await Api.TokenAsync(TestClient.Terminal, ("grant_type", "urn:example:nope"));

        Assert.Equal(OAuthErrors.UnsupportedGrantType, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_account_get_the_same_answer()
    {
        await App.CreatePersonAsync("henry@test.local");

        var wrong = await OAuthApi.ErrorOf(await Api.TokenAsync(TestClient.App, ("grant_type", "password"), ("username", "henry@test.local"), ("password", "nope")));
        var unknown = await OAuthApi.ErrorOf(await Api.TokenAsync(TestClient.App, ("grant_type", "password"), ("username", "nobody@test.local"), ("password", "nope")));

        Assert.Equal(OAuthErrors.InvalidGrant, wrong.Error);
        Assert.Equal(wrong, unknown);
    }

    private Task<HttpResponseMessage> SendBasicAsync(string clientId, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.Token)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        return Api.Http.SendAsync(request);
    }
}
