using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;

namespace Pass.Web.Oauth;

/// <summary>Authenticates <c>Authorization: Bearer</c> through check_token's engine, so every API sees the same answer.</summary>
public sealed class PassBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenChecker checker)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = PassSchemes.Bearer;
    public const string ClientIdClaim = "client_id";
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (await checker.CheckAsync(token, Context.RequestAborted) is not { } live)
        {
            return AuthenticateResult.Fail("invalid_token");
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, live.Subject));
        identity.AddClaim(new Claim(ClientIdClaim, live.ClientId));
        identity.AddClaim(new Claim(ScopeClaim, live.Scope));
        identity.AddClaim(new Claim(PassClaims.Kind, live.Kind));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", $"Bearer error=\"{OAuthErrors.InvalidToken}\"");
        return Task.CompletedTask;
    }
}
