using Pass.Web.Infrastructure;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Oauth;
using Pass.Web.Users;

namespace Pass.Web.QrLogin;

/// <summary>The seed's QR endpoints: a person creates a session and watches its scan status.</summary>
public static class QrLoginEndpoints
{
    public static IEndpointRouteBuilder MapQrLoginEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(PassRoutes.OauthBase)
            .WithTags("Seed API")
            .RequireAuthorization(PassPolicies.Person)
            .RequireRateLimiting(RateLimits.QrCode)
            .DisableAntiforgery();

        group.MapPost("/qrcode", CreateAsync)
            .HoldsOneConnection()
            .WithName("CreateQrSession")
            .WithSummary("Creates a QR login session for the person holding the bearer token.")
            .WithDescription("`session` (form field or JSON property) is chosen by the generator and globally unique; 409 when it exists (retry with another). "
                + "Returns the one-time `auth_code` to render as a QR code and its lifetime `expires_in` in seconds.")
            .Accepts<QrCodeRequest>("application/json", "application/x-www-form-urlencoded")
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized);

        group.MapGet("/qrcode/status", StatusAsync)
            .WithName("QrSessionStatus")
            .WithSummary("The scan status of a QR session: unused, used or expired.")
            .WithDescription("Only the person who created the session, or an administrator, can read it; anyone else gets 404.")
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized);
        return routes;
    }

    private static JsonHttpResult<OAuthError> TooMany(HttpResponse response, TimeSpan wait)
    {
        response.SetRetryAfter(wait);
        return OAuthResults.Error(StatusCodes.Status429TooManyRequests, OAuthErrors.TooManyRequests, "Too many QR codes in the last minute; retry after the time in Retry-After.");
    }

    public static async Task<Results<Ok<QrCodeResponse>, JsonHttpResult<OAuthError>>> CreateAsync(
        HttpContext context, ClaimsPrincipal user, QrLoginService qr)
    {
        if (user.FindFirstValue(PassClaims.Kind) == PassClaims.ClientKind)
        {
            return OAuthResults.Error(StatusCodes.Status403Forbidden, OAuthErrors.AccessDenied, "A person's token is required; this is a terminal's own token.");
        }

        var session = await ReadSessionAsync(context.Request);
        if (session is null)
        {
            return OAuthResults.BadRequest("The session parameter is required (form field or JSON property).");
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var result = await qr.CreateAsync(session, userId, user.FindFirstValue(PassBearerHandler.ClientIdClaim), context.RequestAborted);
        return result.Outcome switch
        {
            QrCreateOutcome.Created => TypedResults.Ok(new QrCodeResponse(result.AuthCode!, result.ExpiresIn)),
            QrCreateOutcome.Conflict => OAuthResults.Error(StatusCodes.Status409Conflict, OAuthErrors.Conflict, "The session already exists; retry with another one."),
            QrCreateOutcome.TooMany => TooMany(context.Response, result.RetryAfter),
            _ => OAuthResults.BadRequest("The session must be 1 to 128 printable ASCII characters without spaces."),
        };
    }

    public static async Task<Results<Ok<QrStatusResponse>, JsonHttpResult<OAuthError>>> StatusAsync(
        string? session, ClaimsPrincipal user, QrLoginService qr, HttpContext context)
    {
        if (string.IsNullOrEmpty(session))
        {
            return OAuthResults.BadRequest("The session parameter is required.");
        }

        var found = await qr.FindForViewerAsync(session, user, context.RequestAborted);
        return found is null
            ? OAuthResults.NotFound("No such session.")
            : TypedResults.Ok(new QrStatusResponse(qr.StatusOf(found)));
    }

    private static async Task<string?> ReadSessionAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form[PassParameters.Session] is { Count: 1 } values ? values[0] : null;
        }

        if (request.HasJsonContentType())
        {
            try
            {
                var body = await request.ReadFromJsonAsync<QrCodeRequest>(request.HttpContext.RequestAborted);
                return body?.Session;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return request.Query[PassParameters.Session] is { Count: 1 } query ? query[0] : null;
    }
}
