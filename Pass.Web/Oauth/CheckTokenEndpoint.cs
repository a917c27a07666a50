using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;

namespace Pass.Web.Oauth;

/// <summary>
/// The seed's <c>check_token</c>: 200 and a small JSON body for a live access token, 401 otherwise.
/// Written by hand against the response for speed: every subsystem calls it on every request.
/// </summary>
public static class CheckTokenEndpoint
{
    private const string Missing = "The request has no bearer token.";
    private const string Dead = "The token is unknown, expired or revoked.";

    public static IEndpointRouteBuilder MapCheckToken(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(PassRoutes.CheckToken, [HttpMethods.Get, HttpMethods.Post], CheckAsync)
            .WithName("CheckToken")
            .WithTags("Seed API")
            .WithSummary("Checks a person's or terminal's bearer token.")
            .WithDescription("Send `Authorization: Bearer <token>`. 200 with `{active, sub, client_id, scope, exp}` when the token is a live access token; 401 with `WWW-Authenticate: Bearer error=\"invalid_token\"` when it is missing, unknown, expired or revoked.")
            .Produces<CheckTokenResponse>(StatusCodes.Status200OK)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .RequireRateLimiting(RateLimits.CheckToken)
            .AnswersEarly();
        return routes;
    }

    public static async Task CheckAsync(HttpContext context, TokenChecker checker)
    {
        if (BearerToken.From(context.Request) is not { } token)
        {
            await OAuthResults.WriteInvalidTokenAsync(context, Missing);
            return;
        }

        if (await checker.CheckAsync(token, context.RequestAborted) is not { } live)
        {
            await OAuthResults.WriteInvalidTokenAsync(context, Dead);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = live.Body.Length;
        await context.Response.Body.WriteAsync(live.Body, context.RequestAborted);
    }
}
