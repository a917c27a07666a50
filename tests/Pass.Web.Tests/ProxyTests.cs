using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Data;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>Behind a configured proxy the client's own address counts (audit, limits); anyone else's X-Forwarded-For is ignored.</summary>
public sealed class ProxyTests
{
    [Theory]
    [InlineData(true, "203.0.113.7")]
    [InlineData(false, "127.0.0.1")]
    public async Task A_failed_sign_in_is_audited_with_the_address_the_configured_proxy_forwarded(bool trusted, string expected)
    {
        await using var app = new PassApplication(settings: trusted ? new Dictionary<string, string> { ["Pass:Proxy:KnownProxies:0"] = "127.0.0.1" } : null);
        using var http = new HttpClient { BaseAddress = app.StartKestrel() };
        var email = $"p-{Guid.NewGuid():N}@test.local";
        var userId = await app.CreatePersonAsync(email);

        using var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.Api + "/account/login") { Content = JsonContent.Create(new LoginRequest(email, "wrong-password")) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);

        var addresses = await app.WithScopeAsync(services => services.GetRequiredService<PassDbContext>().AuditEvents
            .Where(e => e.Type == AuditEventType.SignInFailed && (e.SubjectUserId == userId || e.ActorId == userId)).Select(e => e.IpAddress).ToListAsync());
        Assert.Equal([expected], addresses);
    }

    [Fact]
    public async Task The_per_address_limit_counts_each_forwarded_client_on_its_own()
    {
        await using var app = new PassApplication(settings: new Dictionary<string, string>
        {
            ["Pass:Proxy:KnownNetworks:0"] = "127.0.0.0/8",
            ["Pass:RateLimits:SignInPerMinute"] = "2",
        });
        using var http = new HttpClient { BaseAddress = app.StartKestrel() };

        async Task<HttpStatusCode> SignInFromAsync(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.Api + "/account/login") { Content = JsonContent.Create(new LoginRequest("nobody@test.local", "wrong")) };
            request.Headers.Add("X-Forwarded-For", address);
            return (await http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync("198.51.100.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync("198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync("198.51.100.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync("198.51.100.2"));
    }
}
