using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Pass.Shared.Oauth;

namespace Pass.Web.Hosting;

/// <summary>
/// Errors as each audience reads them: RFC 6749 §5.2 JSON under <c>/oauth</c> and <c>/.well-known</c>,
/// ProblemDetails under <c>/api</c>, pages elsewhere. Never an HTML page or a stack trace on the API.
/// </summary>
public static class ErrorResponses
{
    private const long MaxOauthBody = 64 * 1024;

    /// <summary>The machine-facing OAuth endpoints; the authorize and sign-out endpoints a browser visits count as pages.</summary>
    public static bool IsOauth(HttpContext context) =>
        (context.Request.Path.StartsWithSegments(PassRoutes.OauthBase) && !IsBrowserFacing(context))
        || context.Request.Path.StartsWithSegments("/.well-known");

    public static bool IsBrowserFacing(HttpContext context) =>
        context.Request.Path.Equals(PassRoutes.Authorize, StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.Equals(PassRoutes.EndSession, StringComparison.OrdinalIgnoreCase);

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(PassRoutes.Api);

    public static WebApplication UsePassErrors(this WebApplication app)
    {
        app.UseWhen(c => IsOauth(c) || IsApi(c), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync, SuppressDiagnosticsCallback = _ => true });
            api.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = c => WriteStatusAsync(c.HttpContext) });
            api.Use((context, next) =>
            {
                // OAuth requests are small forms; refuse anything large before it is read.
                if (IsOauth(context))
                {
                    if (context.Request.ContentLength > MaxOauthBody)
                    {
                        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                        return WriteStatusAsync(context);
                    }

                    if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                    {
                        limit.MaxRequestBodySize = MaxOauthBody;
                    }
                }

                return next(context);
            });
        });
        app.UseWhen(c => !IsOauth(c) && !IsApi(c), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/Error", createScopeForErrors: true);
            }

            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        return app;
    }

    private static Task WriteExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        context.Response.StatusCode = error switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException or JsonException or FormatException or IOException => StatusCodes.Status400BadRequest,
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => 499,
            _ => StatusCodes.Status500InternalServerError,
        };
        return WriteStatusAsync(context);
    }

    private static async Task WriteStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (context.Response.HasStarted || status == 499)
        {
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        if (IsOauth(context))
        {
            var (error, description) = Describe(status);
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, new OAuthError(error, description));
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = Describe(status).Description },
        });
    }

    private static (string Error, string Description) Describe(int status) => status switch
    {
        400 => (OAuthErrors.InvalidRequest, "The request is malformed."),
        401 => (OAuthErrors.InvalidToken, "Authentication is required."),
        403 => (OAuthErrors.AccessDenied, "Not allowed."),
        404 => (OAuthErrors.NotFound, "No such resource."),
        405 => (OAuthErrors.InvalidRequest, "The HTTP method is not allowed here."),
        413 => (OAuthErrors.InvalidRequest, "The request body is too large."),
        415 => (OAuthErrors.InvalidRequest, "The content type is not supported."),
        429 => (OAuthErrors.TooManyRequests, "Too many requests; retry later."),
        >= 500 => (OAuthErrors.ServerError, "The server could not complete the request."),
        _ => (OAuthErrors.InvalidRequest, "The request was refused."),
    };
}
