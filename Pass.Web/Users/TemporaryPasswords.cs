using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

/// <summary>
/// A password an administrator handed over (made by Pass for a new person or a reset) is changed before anything
/// else: the portal cookie says so (a claim, renewed with the cookie), and every page but the change-password page,
/// sign-out and sign-in sends the person there, to come back afterwards.
/// </summary>
public static class TemporaryPasswords
{
    public const string ChangePage = "/Account/Manage/ChangePassword";

    private static readonly string[] Allowed = [ChangePage, "/Account/Logout", "/Account/Login", "/Account/AccessDenied"];

    /// <summary>After authentication: pages only (the API and OAuth answer as they do; static files pass).</summary>
    public static WebApplication UseTemporaryPasswordChange(this WebApplication app)
    {
        app.UseWhen(IsPage, pages => pages.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(PassClaims.TemporaryPassword, "true") && HttpMethods.IsGet(context.Request.Method)
                && !Allowed.Any(a => path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase)))
            {
                var back = context.Request.PathBase + path + context.Request.QueryString;
                context.Response.Redirect($"{context.Request.PathBase}{ChangePage}?ReturnUrl={Uri.EscapeDataString(back)}");
                return;
            }

            await next(context);
        }));
        return app;
    }

    // A page is what is not an API, OAuth or a file (a path with an extension: scripts, styles, WebAssembly).
    private static bool IsPage(HttpContext context) =>
        RequestAreas.IsPage(context) && !Path.HasExtension(context.Request.Path.Value)
        && !context.Request.Path.StartsWithSegments("/_framework") && !context.Request.Path.StartsWithSegments("/_content")
        && !context.Request.Path.StartsWithSegments("/_blazor");
}
