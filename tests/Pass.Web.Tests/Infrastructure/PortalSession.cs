using System.Net;
using System.Net.Http.Json;
using Pass.Shared.Oauth;
using Pass.Shared.Users;

namespace Pass.Web.Tests.Infrastructure;

/// <summary>A browser-like caller of the management API: the sign-in cookie plus the antiforgery header.</summary>
public sealed class PortalSession(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public static async Task<PortalSession> SignInAsync(PassApplication app, string email, string password = PassApplication.PersonPassword, bool followRedirects = true)
    {
        var session = new PortalSession(app.CreateBrowserClient(followRedirects));
        var login = await session.Http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest(email, password));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await session.Http.GetFromJsonAsync<AntiforgeryToken>(PassRoutes.Antiforgery))!;
        session.Http.DefaultRequestHeaders.Add(token.HeaderName, token.Token);
        return session;
    }

    public static Task<PortalSession> AdminAsync(PassApplication app) => SignInAsync(app, PassApplication.AdminEmail, PassApplication.AdminPassword);

    public Task<HttpResponseMessage> PostAsync<T>(string url, T body) => http.PostAsJsonAsync(url, body);

    public Task<HttpResponseMessage> PostAsync(string url) => http.PostAsync(url, content: null);

    public async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }

    public void Dispose() => http.Dispose();
}
