using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pass.Web.Tests.Infrastructure;

namespace Pass.E2E;

/// <summary>
/// A tiny web subsystem (a canteen's ordering site) on real Kestrel at 127.0.0.1 that signs people in with Pass,
/// as an integrator would: authorization code + PKCE with Duende.IdentityModel, then userinfo.
/// </summary>
public sealed class WebSubsystem : IAsyncDisposable
{
    public const string ClientId = "canteen-site";
    public const string ClientSecret = "canteen-site-secret-0123456789abcdef";

    private LoopbackHost _host = null!;
    private readonly ConcurrentDictionary<string, string> _verifiers = new();

    private void Map(WebApplication app, Uri pass)
    {
        app.MapGet("/", () => Results.Content("<html><body><h1>Canteen</h1><a id='site-sign-in' href='/login'>Sign in with Pass</a></body></html>", "text/html"));
        app.MapGet("/login", (HttpContext context) =>
        {
            var state = CryptoRandom.CreateUniqueId();
            var verifier = CryptoRandom.CreateUniqueId(32);
            _verifiers[state] = verifier;
            var url = new RequestUrl(new Uri(pass, "/oauth/v2/authorize").ToString()).CreateAuthorizeUrl(
                ClientId, OidcConstants.ResponseTypes.Code, "openid profile email", RedirectUri, state,
                codeChallenge: System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))), codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256);
            return Results.Redirect(url);
        });
        app.MapGet("/callback", async (string? code, string? state, string? error, IHttpClientFactory http) =>
        {
            if (error is not null || code is null || state is null || !_verifiers.TryRemove(state, out var verifier))
            {
                return Results.Content($"<html><body><p id='site-error'>{WebUtility.HtmlEncode(error ?? "bad callback")}</p></body></html>", "text/html");
            }

            using var client = http.CreateClient();
            var tokens = await client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
            {
                Address = new Uri(pass, "/oauth/v2/token").ToString(),
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                Code = code,
                RedirectUri = RedirectUri,
                CodeVerifier = verifier,
            });
            if (tokens.IsError)
            {
                return Results.Content($"<html><body><p id='site-error'>{WebUtility.HtmlEncode(tokens.Error)}</p></body></html>", "text/html");
            }

            var user = await client.GetUserInfoAsync(new UserInfoRequest { Address = new Uri(pass, "/oauth/v2/userinfo").ToString(), Token = tokens.AccessToken });
            var name = user.Claims.FirstOrDefault(c => c.Type == "name")?.Value;
            var email = user.Claims.FirstOrDefault(c => c.Type == "email")?.Value;
            return Results.Content($"<html><body><p id='site-user'>Signed in as {WebUtility.HtmlEncode(name)} ({WebUtility.HtmlEncode(email)})</p></body></html>", "text/html");
        });
    }

    public Uri Address => _host.Address;

    public string RedirectUri => new Uri(Address, "/callback").ToString();

    public static async Task<WebSubsystem> StartAsync(Uri pass)
    {
        var site = new WebSubsystem();
        site._host = await LoopbackHost.StartAsync(app => site.Map(app, pass), builder => builder.Services.AddHttpClient());
        return site;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
