using System.Net;
using System.Text.Json;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

public class ApiDocumentationTests : PassTestBase
{
    [Fact]
    public async Task The_openapi_document_describes_every_seed_and_oauth_endpoint_with_examples()
    {
        var response = await Api.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");

        foreach (var path in new[] { PassRoutes.Token, PassRoutes.CheckToken, PassRoutes.QrCode, PassRoutes.QrCodeStatus, PassRoutes.Revoke, PassRoutes.Introspect, PassRoutes.Metadata, PassRoutes.Cards, PassRoutes.Users })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented");
        }

        var checkToken401 = paths.GetProperty(PassRoutes.CheckToken).GetProperty("get").GetProperty("responses").GetProperty("401");
        Assert.Equal("invalid_token", checkToken401.GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("error").GetString());
        Assert.False(paths.TryGetProperty("/Account/Logout", out _));
    }

    [Fact]
    public async Task The_reference_page_and_the_health_check_answer()
    {
        var docs = await Api.Http.GetAsync("/docs/");
        var health = await Api.Http.GetAsync(PassRoutes.Health);

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_metadata_lists_pass_grants_and_both_client_authentication_methods()
    {
        var metadata = JsonDocument.Parse(await Api.Http.GetStringAsync(PassRoutes.Metadata)).RootElement;

        var grants = metadata.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains(PassGrantTypes.Card, grants);
        Assert.Contains(PassGrantTypes.Qr, grants);
        Assert.Contains("client_credentials", grants);
        var methods = metadata.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("client_secret_post", methods);
        Assert.Contains("client_secret_basic", methods);
        Assert.EndsWith(PassRoutes.Token, metadata.GetProperty("token_endpoint").GetString());
    }
}
