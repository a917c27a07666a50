using System.Buffers;
using System.Text.Json;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;

namespace Pass.Web.Oauth;

/// <summary>
/// The seed's <c>check_token</c>: 200 and a small JSON body for a live access token, 401 otherwise.
/// Written by hand against the response for speed: every subsystem calls it on every request, and an attacker sends
/// garbage to it, so both answers are bytes prepared once and a check answered from memory allocates nothing of its own.
/// </summary>
public static class CheckTokenEndpoint
{
    private static readonly Refusal Missing = new("The request has no bearer token.");
    private static readonly Refusal Dead = new("The token is unknown, expired or revoked.");

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

    public static Task CheckAsync(HttpContext context, TokenChecker checker)
    {
        if (!BearerToken.TryRead(context.Request, out var token))
        {
            return Missing.WriteAsync(context);
        }

        return checker.Recall(token, out var key, out var live) switch
        {
            TokenChecker.Verdict.Live => AnswerAsync(context, live!),
            TokenChecker.Verdict.Dead => Dead.WriteAsync(context),
            _ => LoadAsync(context, checker, token.ToString(), key),
        };
    }

    private static async Task LoadAsync(HttpContext context, TokenChecker checker, string token, TokenHash key)
    {
        if (await checker.LoadAsync(token, key, context.RequestAborted) is { } live)
        {
            await AnswerAsync(context, live);
        }
        else
        {
            await Dead.WriteAsync(context);
        }
    }

    private static Task AnswerAsync(HttpContext context, CheckedToken live) => WriteJson(context.Response, StatusCodes.Status200OK, live.Body);

    /// <summary>Bytes prepared once, straight to the pipe: Kestrel sends them when the request ends, no flush of their own.</summary>
    private static Task WriteJson(HttpResponse response, int status, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = body.Length;
        response.BodyWriter.Write(body);
        return Task.CompletedTask;
    }

    /// <summary>A 401 with RFC 6750 §3 <c>WWW-Authenticate</c> and the usual error body, both prepared once.</summary>
    private sealed class Refusal(string description)
    {
        private readonly string _challenge = $"Bearer error=\"{OAuthErrors.InvalidToken}\", error_description=\"{description}\"";
        private readonly byte[] _body = JsonSerializer.SerializeToUtf8Bytes(new OAuthError(OAuthErrors.InvalidToken, description));

        public Task WriteAsync(HttpContext context)
        {
            context.Response.Headers.WWWAuthenticate = _challenge;
            return WriteJson(context.Response, StatusCodes.Status401Unauthorized, _body);
        }
    }
}
