using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Pass.Shared.Oauth;
using Pass.Web.Client.Resources;
using Pass.Web.Infrastructure;

namespace Pass.Web.Logout;

/// <summary>
/// OIDC Front-Channel Logout 1.0: after signing out, the sign-out page loads each site's
/// <c>frontchannel_logout_uri</c> (with <c>iss</c> and <c>sid</c>) in a hidden frame, then goes on where it was going.
/// The page's policy lets it frame exactly those sites; it moves on by a meta refresh, no script.
/// </summary>
public sealed class FrontchannelLogout(LogoutOutbox outbox, IStringLocalizer<PortalText> text)
{
    /// <summary>The frames to load for the signed-in person's session, worked out before the session ends.</summary>
    public async Task<IReadOnlyList<string>> FramesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return [];
        }

        var sessionId = user.FindFirstValue(PassClaims.SessionId);
        var issuer = outbox.Issuer();
        return [.. (await outbox.SitesOfAsync(userId, ct))
            .Where(site => site.Addresses.FrontchannelUri is not null)
            .Select(site => QueryHelpers.AddQueryString(site.Addresses.FrontchannelUri!, new Dictionary<string, string?>
            {
                ["iss"] = issuer,
                [PassClaims.SessionId] = sessionId,
            }.Where(p => p.Value is not null)))];
    }

    /// <summary>The page that ends the sessions at <paramref name="frames"/> and then opens <paramref name="next"/>.</summary>
    public IResult Page(HttpContext context, IReadOnlyList<string> frames, string next)
    {
        SecurityHeaders.AllowFrames(context, frames);
        var html = HtmlEncoder.Default;
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(html.Encode(System.Globalization.CultureInfo.CurrentUICulture.Name)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta http-equiv=\"refresh\" content=\"2;url=").Append(html.Encode(next)).Append("\">")
            .Append("<title>").Append(html.Encode(text["SignedOut_Title"])).Append("</title><style>body{margin:0;font-family:Roboto,\"Noto Sans CJK SC\",system-ui,sans-serif;color:#1f1f1f;background:#f5f5f5}")
            .Append("main{max-width:28rem;margin:15vh auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}")
            .Append("h1{font-size:1.5rem;font-weight:500;margin:0 0 1rem}a{color:#1565c0}")
            .Append("@media (prefers-color-scheme:dark){body{background:#121212;color:#e0e0e0}main{background:#1e1e1e}a{color:#90caf9}}</style></head>")
            .Append("<body class=\"pass-signed-out\"><main><h1>").Append(html.Encode(text["SignedOut_Title"])).Append("</h1><p data-testid=\"signed-out-sites\">")
            .Append(html.Encode(string.Format(System.Globalization.CultureInfo.CurrentCulture, text["SignedOut_Sites"], frames.Count))).Append("</p>")
            .Append("<p><a id=\"signed-out-continue\" href=\"").Append(html.Encode(next)).Append("\">").Append(html.Encode(text["SignedOut_Continue"])).Append("</a></p>");
        foreach (var frame in frames)
        {
            page.Append("<iframe hidden title=\"\" src=\"").Append(html.Encode(frame)).Append("\"></iframe>");
        }

        page.Append("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }
}
