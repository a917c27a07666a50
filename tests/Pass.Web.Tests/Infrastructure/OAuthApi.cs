using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;

namespace Pass.Web.Tests.Infrastructure;

/// <summary>The calls a subsystem or a person's app makes, as plain HTTP.</summary>
public sealed class OAuthApi(HttpClient http)
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> TokenAsync(TestClient? client, params (string Key, string Value)[] fields)
    {
        var form = fields.ToList();
        if (client is not null)
        {
            form.Add(("client_id", client.ClientId));
            form.Add(("client_secret", client.Secret));
        }

        return http.PostAsync(PassRoutes.Token, new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value))));
    }

    public async Task<TokenResponse> TokenOkAsync(TestClient client, params (string Key, string Value)[] fields)
    {
        var response = await TokenAsync(client, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<TokenResponse>(body)!;
    }

    /// <summary>A successful token response as JSON, for the fields <see cref="TokenResponse"/> does not name (id_token).</summary>
    public async Task<JsonElement> TokenOkRawAsync(TestClient client, params (string Key, string Value)[] fields)
    {
        var response = await TokenAsync(client, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<string> TerminalTokenAsync(TestClient? client = null) =>
        (await TokenOkAsync(client ?? TestClient.Terminal, ("grant_type", "client_credentials"))).AccessToken;

    public async Task<TokenResponse> PersonTokensAsync(string email, string password = PassApplication.PersonPassword, string scope = "offline_access") =>
        await TokenOkAsync(TestClient.App, ("grant_type", "password"), ("username", email), ("password", password), ("scope", scope));

    /// <summary>RFC 7009 revocation by the client the token was issued to (the terminal unless said).</summary>
    public Task<HttpResponseMessage> RevokeAsync(string token, TestClient? client = null, string? hint = "access_token")
    {
        client ??= TestClient.Terminal;
        List<KeyValuePair<string, string>> form = [new("client_id", client.ClientId), new("client_secret", client.Secret), new("token", token)];
        if (hint is not null)
        {
            form.Add(new("token_type_hint", hint));
        }

        return http.PostAsync(PassRoutes.Revoke, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> CheckAsync(string? token, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, PassRoutes.CheckToken);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> CreateQrAsync(string bearer, string session)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.QrCode)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("session", session)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await http.SendAsync(request);
    }

    public async Task<QrCodeResponse> CreateQrOkAsync(string bearer, string? session = null)
    {
        var response = await CreateQrAsync(bearer, session ?? Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<QrCodeResponse>())!;
    }

    public async Task<HttpResponseMessage> QrStatusAsync(string bearer, string session)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{PassRoutes.QrCodeStatus}?session={Uri.EscapeDataString(session)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> RedeemQrAsync(string authCode, TestClient? client = null) =>
        TokenAsync(client ?? TestClient.Terminal, ("grant_type", "authorization_code"), ("code", authCode));

    public static async Task<OAuthError> ErrorOf(HttpResponseMessage response)
    {
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<OAuthError>())!;
    }
}

public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] long ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string? Scope);
