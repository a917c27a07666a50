using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>Bad input of any kind gets a 4xx with an RFC 6749 JSON body under /oauth: never a 500 or an HTML page.</summary>
public class BadInputTests : PassTestBase
{
    public static TheoryData<string, string, string?> Requests => new()
    {
        { "POST", PassRoutes.Token, null },
        { "POST", PassRoutes.Token, "application/json|{\"grant_type\":\"client_credentials\"}" },
        { "POST", PassRoutes.Token, "text/plain|grant_type=client_credentials" },
        { "POST", PassRoutes.Token, "application/x-www-form-urlencoded|%%%&&&==" },
        { "POST", PassRoutes.Token, "application/x-www-form-urlencoded|grant_type=client_credentials&grant_type=password" },
        { "POST", PassRoutes.Token, "application/x-www-form-urlencoded|grant_type=" },
        { "POST", PassRoutes.Token, "multipart/form-data; boundary=xyz|--xyz\r\nbroken" },
        { "GET", PassRoutes.Token, null },
        { "PUT", PassRoutes.Token, "application/x-www-form-urlencoded|grant_type=client_credentials" },
        { "DELETE", PassRoutes.CheckToken, null },
        { "POST", PassRoutes.Revoke, "application/x-www-form-urlencoded|token=" },
        { "POST", PassRoutes.Introspect, "application/x-www-form-urlencoded|token=abc" },
        { "GET", PassRoutes.OauthBase + "/nothing-here", null },
        { "POST", PassRoutes.QrCode, "application/json|{not json" },
        { "GET", PassRoutes.QrCodeStatus, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Malformed_requests_get_a_4xx_json_error(string method, string path, string? content)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (content is not null)
        {
            var parts = content.Split('|', 2);
            request.Content = new StringContent(parts[1], Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(parts[0]);
        }

        var response = await Api.Http.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        var error = await OAuthApi.ErrorOf(response);
        Assert.False(string.IsNullOrEmpty(error.Error));
    }

    [Fact]
    public async Task An_oversized_token_request_gets_413_json()
    {
        var body = "grant_type=client_credentials&padding=" + new string('a', 200_000);
        var response = await Api.Http.PostAsync(PassRoutes.Token, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(OAuthErrors.InvalidRequest, (await OAuthApi.ErrorOf(response)).Error);
    }

    [Fact]
    public async Task A_malformed_portal_api_body_gets_problem_details()
    {
        using var admin = await PortalSession.AdminAsync(App);

        var response = await admin.Http.PostAsync(PassRoutes.Users, new StringContent("{broken", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_cookie_write_without_the_antiforgery_token_is_refused()
    {
        using var admin = await PortalSession.AdminAsync(App);
        admin.Http.DefaultRequestHeaders.Remove("RequestVerificationToken");

        var response = await admin.PostAsync(PassRoutes.Users, new { email = "x@test.local", displayName = "X" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Antiforgery", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_answers_401_and_403_instead_of_redirecting_to_the_sign_in_page()
    {
        var anonymous = await Api.Http.GetAsync(PassRoutes.Users);
        await App.CreatePersonAsync("ivy@test.local");
        using var person = await PortalSession.SignInAsync(App, "ivy@test.local");
        var forbidden = await person.Http.GetAsync(PassRoutes.Clients);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
    }
}
