using Pass.Shared.Oauth;

namespace Pass.Web.Infrastructure;

/// <summary>
/// The three audiences of a request, by path, decided here only: machines on the OAuth endpoints (RFC 6749 errors),
/// programs on <c>/api</c> (ProblemDetails), and people on pages.
/// </summary>
public static class RequestAreas
{
    /// <summary>The machine-facing OAuth endpoints; the authorize and sign-out endpoints a browser visits count as pages.</summary>
    public static bool IsOauth(HttpContext context) =>
        (context.Request.Path.StartsWithSegments(PassRoutes.OauthBase) && !IsBrowserFacing(context))
        || context.Request.Path.StartsWithSegments("/.well-known");

    public static bool IsBrowserFacing(HttpContext context) =>
        context.Request.Path.Equals(PassRoutes.Authorize, StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.Equals(PassRoutes.EndSession, StringComparison.OrdinalIgnoreCase);

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(PassRoutes.Api);

    /// <summary>A page a person looks at: neither the OAuth machine endpoints nor the API.</summary>
    public static bool IsPage(HttpContext context) => !IsOauth(context) && !IsApi(context);
}
