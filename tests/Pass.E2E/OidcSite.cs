using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Pass.Web.Tests.Infrastructure;

namespace Pass.E2E;

/// <summary>
/// A library's web site on real Kestrel at 127.0.0.1, built the way .NET sites are: a cookie and ASP.NET Core's own
/// OpenID Connect handler pointed at Pass (code + PKCE, <c>query</c> or <c>form_post</c>), with a back-channel logout
/// endpoint that checks the logout token against Pass's keys and ends the matching sessions.
/// </summary>
public sealed class OidcSite : IAsyncDisposable
{
    public const string ClientId = "library-site";
    public const string ClientSecret = "library-site-secret-0123456789abcdef";

    private LoopbackHost _host = null!;
    private readonly ConcurrentDictionary<string, bool> _endedSessions = new();
    private readonly Channel<JsonWebToken> _logouts = Channel.CreateUnbounded<JsonWebToken>();

    private void Map(WebApplication app)
    {
        app.UseAuthentication();
        app.MapGet("/", (HttpContext context) =>
        {
            var user = context.User;
            return user.Identity?.IsAuthenticated == true
                ? Html($"<p id='site-user'>Signed in as {WebUtility.HtmlEncode(user.FindFirstValue("name"))}</p>"
                    + $"<p id='site-auth-time'>{WebUtility.HtmlEncode(user.FindFirstValue("auth_time"))}</p>"
                    + $"<p id='site-amr'>{WebUtility.HtmlEncode(string.Join(' ', user.FindAll("amr").Select(c => c.Value)))}</p>"
                    + "<a id='site-sign-out' href='/logout'>Sign out</a>")
                : Html("<p id='site-anonymous'>Not signed in</p><a id='site-sign-in' href='/login'>Sign in with Pass</a>");
        });
        app.MapGet("/login", (string? prompt, long? maxAge) => Results.Challenge(
            new OpenIdConnectChallengeProperties { RedirectUri = "/", Prompt = prompt, MaxAge = maxAge is { } seconds ? TimeSpan.FromSeconds(seconds) : null },
            [OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/logout", () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/error", (string? message) => Html($"<p id='site-error'>{WebUtility.HtmlEncode(message)}</p>"));
        app.MapPost("/backchannel-logout", async (HttpRequest request, IOptionsMonitor<OpenIdConnectOptions> options) =>
        {
            var form = await request.ReadFormAsync();
            var oidc = options.Get(OpenIdConnectDefaults.AuthenticationScheme);
            var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(request.HttpContext.RequestAborted);
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(form["logout_token"].ToString(), new TokenValidationParameters
            {
                IssuerSigningKeys = configuration.SigningKeys,
                ValidIssuer = configuration.Issuer,
                ValidAudience = ClientId,
                ValidTypes = ["logout+jwt"],
            });
            if (!result.IsValid || result.SecurityToken is not JsonWebToken token || token.TryGetClaim("nonce", out _)
                || !token.TryGetPayloadValue<System.Text.Json.JsonElement>("events", out var events)
                || !events.TryGetProperty("http://schemas.openid.net/event/backchannel-logout", out _))
            {
                return Results.BadRequest();
            }

            _endedSessions[token.TryGetClaim("sid", out var sid) ? "sid:" + sid.Value : "sub:" + token.Subject] = true;
            await _logouts.Writer.WriteAsync(token);
            return Results.Ok();
        }).DisableAntiforgery();
    }

    private static IResult Html(string body) => Results.Content($"<html><body><h1>Library</h1>{body}</body></html>", "text/html");

    public Uri Address => _host.Address;

    /// <summary>The next logout token the site accepted.</summary>
    public async Task<JsonWebToken> NextLogoutAsync() => await _logouts.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

    public string Callback => new Uri(Address, "/signin-oidc").ToString();

    public string SignedOutCallback => new Uri(Address, "/signout-callback-oidc").ToString();

    public string BackchannelLogoutUri => new Uri(Address, "/backchannel-logout").ToString();

    /// <param name="responseMode">"query" or "form_post".</param>
    public static async Task<OidcSite> StartAsync(Uri pass, string responseMode)
    {
        var site = new OidcSite();
        site._host = await LoopbackHost.StartAsync(site.Map, builder => site.Configure(builder, pass, responseMode));
        return site;
    }

    private void Configure(WebApplicationBuilder builder, Uri pass, string responseMode)
    {
        var site = this;
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "library";
                // A session Pass ended on the back channel is over here too, at the next request.
                cookie.Events.OnValidatePrincipal = context =>
                {
                    var principal = context.Principal!;
                    if (site._endedSessions.ContainsKey("sid:" + principal.FindFirstValue("sid")) || site._endedSessions.ContainsKey("sub:" + principal.FindFirstValue("sub")))
                    {
                        context.RejectPrincipal();
                    }

                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = pass.ToString();
                oidc.RequireHttpsMetadata = false;
                oidc.ClientId = ClientId;
                oidc.ClientSecret = ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.ResponseMode = responseMode;
                oidc.UsePkce = true;
                oidc.Scope.Add("profile");
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = true;
                oidc.TokenValidationParameters.NameClaimType = "name";
                // Both sites are on 127.0.0.1 over plain http: the same site, so Lax cookies come back, also with form_post.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/error?message=" + Uri.EscapeDataString(context.Failure?.Message ?? "failed"));
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
