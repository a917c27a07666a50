using System.Security.Cryptography;

namespace Pass.Web.Infrastructure;

/// <summary>
/// Headers every answer carries, added as the response starts (so error pages and short-circuited endpoints have
/// them too): no MIME sniffing, no referrer to other sites, never framed. HTML pages also get a Content Security
/// Policy: scripts only from Pass itself plus the one inline import map, allowed by a per-request nonce, and
/// WebAssembly; no plugins, no foreign base URI.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "pass.csp-nonce";
    private const string FramesItem = "pass.csp-frames";

    /// <summary>This page may frame these addresses' origins (the sign-out page, for front-channel logout).</summary>
    public static void AllowFrames(HttpContext context, IEnumerable<string> addresses) =>
        context.Items[FramesItem] = string.Join(' ', addresses
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>().Distinct(StringComparer.Ordinal));

    /// <summary>The nonce of this request's Content Security Policy, for the page's inline import map.</summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[NonceItem] is not string nonce)
        {
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // no characters HTML would escape
            context.Items[NonceItem] = nonce;
        }

        return nonce;
    }

    public static WebApplication UsePassSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Strict-Transport-Security on HTTPS answers only (and never for localhost).
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = PolicyFor(context);
                }

                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// The one line of script in OpenIddict's <c>response_mode=form_post</c> page, which posts the sign-in's answer to the
    /// site; the page has no nonce to give it, so the policy of the authorization endpoint names its hash.
    /// </summary>
    public const string FormPostScript = "document.form.submit();";

    private static readonly string FormPostHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(FormPostScript))) + "'";

    private static string PolicyFor(HttpContext context)
    {
        // The API reference (Scalar) configures itself with inline script; it shows no person's data.
        var scripts = context.Request.Path.StartsWithSegments("/docs") || context.Request.Path.StartsWithSegments("/scalar")
            ? "'self' 'unsafe-inline'"
            : $"'self' 'wasm-unsafe-eval' 'nonce-{context.CspNonce()}'";
        if (context.Request.Path.StartsWithSegments(Pass.Shared.Oauth.PassRoutes.Authorize))
        {
            scripts += " " + FormPostHash;
        }

        return "default-src 'self'; " +
               $"script-src {scripts}; " +
               "style-src 'self' 'unsafe-inline'; " + // MudBlazor sets style attributes
               "img-src 'self' data:; " +
               "font-src 'self' data:; " +
               "connect-src 'self'; " +
               (context.Items[FramesItem] is string { Length: > 0 } frames ? $"frame-src {frames}; " : "") +
               "object-src 'none'; " +
               "base-uri 'self'; " +
               "frame-ancestors 'none'";
    }
}
