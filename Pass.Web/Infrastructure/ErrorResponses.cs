using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Pass.Shared.Oauth;

namespace Pass.Web.Infrastructure;

/// <summary>
/// Errors as each audience reads them: RFC 6749 §5.2 JSON under <c>/oauth</c> and <c>/.well-known</c>,
/// ProblemDetails under <c>/api</c>, pages elsewhere. Never an HTML page or a stack trace on the API.
/// </summary>
public static class ErrorResponses
{
    private const long MaxOauthBody = 64 * 1024;

    public static WebApplication UsePassErrors(this WebApplication app)
    {
        app.UseWhen(c => RequestAreas.IsOauth(c) || RequestAreas.IsApi(c), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync, SuppressDiagnosticsCallback = _ => true });
            api.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = c => WriteStatusAsync(c.HttpContext) });
        });
        app.UseWhen(c => RequestAreas.IsOauth(c) || RequestAreas.IsBrowserFacing(c), oauth => oauth.Use(GuardFormAsync));
        app.UseWhen(c => RequestAreas.IsPage(c) && HttpMethods.IsPost(c.Request.Method) && c.Request.HasFormContentType, forms => forms.Use(GuardPageFormAsync));
        app.UseWhen(RequestAreas.IsPage, pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    ExceptionHandlingPath = "/Error",
                    CreateScopeForErrors = true,
                    StatusCodeSelector = error => EngineFailures.IsOutage(error) ? StatusCodes.Status503ServiceUnavailable
                        : EngineFailures.IsRefusedValue(error) ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError,
                });
            }

            // A GET's error is the not-found page; a POST's is its bare status, since re-executing a page for a POST
            // would read the body as the page's form again, whatever it is.
            pages.UseWhen(c => HttpMethods.IsGet(c.Request.Method) || HttpMethods.IsHead(c.Request.Method),
                reads => reads.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        });
        return app;
    }

    /// <summary>
    /// OAuth requests are small forms: anything large is refused before it is read. OpenIddict takes every POST whose
    /// Content-Type starts with the form type for a form and reads it, so a malformed content type or a form past the
    /// reader's limits would throw inside it; the form is read here first and those become a 4xx.
    /// </summary>
    private static async Task GuardFormAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.ContentLength > MaxOauthBody)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxOauthBody;
        }

        if (HttpMethods.IsPost(request.Method) && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (!request.HasFormContentType)
            {
                await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType);
                return;
            }

            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception error) when (error is InvalidDataException or BadHttpRequestException)
            {
                await RefuseAsync(context, (error as BadHttpRequestException)?.StatusCode ?? StatusCodes.Status400BadRequest);
                return;
            }
        }

        await next(context);
    }

    /// <summary>
    /// A page's form (a server-rendered form, an account endpoint) is read here first: a malformed one (a multipart
    /// body without its boundary, past the reader's limits) is a 400 with a line of text, not an exception in a page.
    /// </summary>
    private static async Task GuardPageFormAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException or IOException)
        {
            context.Response.StatusCode = (error as BadHttpRequestException)?.StatusCode ?? StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The form could not be read.", context.RequestAborted);
            return;
        }

        await next(context);
    }

    private static Task RefuseAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return WriteStatusAsync(context);
    }

    private static Task WriteExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        context.Response.StatusCode = error switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException or JsonException or FormatException or IOException => StatusCodes.Status400BadRequest,
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => 499,
            _ when EngineFailures.IsOutage(error) => StatusCodes.Status503ServiceUnavailable,
            _ when EngineFailures.IsRefusedValue(error) => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
        // The framework's own error log is suppressed (bad input is the caller's, not an error of Pass's): what is
        // Pass's, an outage or a fault, is logged here, by path only (a query or a form may hold a secret).
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Pass.Web.Errors");
        if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = EngineFailures.RetryAfterSeconds;
            logger.LogWarning("{Method} {Path} answered 503: {Error}: {Reason}", context.Request.Method, context.Request.Path, error?.GetType().Name, error?.Message);
        }
        else if (context.Response.StatusCode == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(error, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
        }

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
        if (RequestAreas.IsOauth(context))
        {
            var (error, description) = Describe(status);
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, new OAuthError(error, description));
            return;
        }

        var problem = new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = Describe(status).Description },
        };
        if (!await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(problem))
        {
            // The caller's Accept header ruled out JSON; an API still answers in its one error format.
            problem.ProblemDetails.Title = ReasonPhrases.GetReasonPhrase(status);
            await context.Response.WriteAsJsonAsync(problem.ProblemDetails, options: null, contentType: "application/problem+json");
        }
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
        503 => (OAuthErrors.TemporarilyUnavailable, "The service is briefly unavailable; retry later."),
        >= 500 => (OAuthErrors.ServerError, "The server could not complete the request."),
        _ => (OAuthErrors.InvalidRequest, "The request was refused."),
    };
}
