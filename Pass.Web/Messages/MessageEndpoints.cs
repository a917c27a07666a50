using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pass.Shared.Audit;
using Pass.Shared.Messages;
using Pass.Shared.Oauth;
using Pass.Web.Audit;
using Pass.Web.Clients;
using Pass.Web.Data;
using Pass.Web.Infrastructure;
using Pass.Web.Oauth;

namespace Pass.Web.Messages;

/// <summary>
/// <c>POST /oauth/v2/message</c> (form: <c>sub</c>, <c>title</c>, <c>body</c>, optional <c>link</c>): a subsystem allowed
/// <c>messages</c> tells a person something, with its own token (client_credentials). The notice goes to the person's
/// inbox, by SMS too where <c>Pass:Messages:SmsKinds</c> says <c>FromSubsystem</c>; a person who muted the subsystem
/// gets nothing. Limited per person and per subsystem; audited.
/// </summary>
public static partial class MessageEndpoints
{
    public const int MaxTitle = 60;
    public const int MaxBody = 500;
    private const int MaxLink = 2000;
    private const int MaxSub = 64;

    public static IEndpointRouteBuilder MapMessageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(PassRoutes.Message, SendAsync)
            .WithName("SendMessage")
            .WithTags("Seed API")
            .WithSummary("Sends a person a short notice: form fields sub, title, body and an optional https link.")
            .WithDescription("Bearer token of the client itself (client_credentials), allowed the permission messages. "
                + $"Title up to {MaxTitle} characters, body up to {MaxBody}. 200 {{id, delivered}} (delivered false when the person "
                + "muted the subsystem); 404 when nobody has the sub; 429 with Retry-After beyond the limits.")
            .RequireAuthorization(PassPolicies.BearerCaller)
            .Accepts<MessageForm>("application/x-www-form-urlencoded")
            .Produces<MessageSentResponse>()
            .Produces<OAuthError>(StatusCodes.Status400BadRequest)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .Produces<OAuthError>(StatusCodes.Status403Forbidden)
            .Produces<OAuthError>(StatusCodes.Status404NotFound)
            .Produces<OAuthError>(StatusCodes.Status429TooManyRequests);
        return routes;
    }

    /// <summary>The form, as the API document shows it.</summary>
    public sealed record MessageForm(string Sub, string Title, string Body, string? Link);

    public static async Task<IResult> SendAsync(
        HttpContext context,
        ClaimsPrincipal caller,
        ClientRegistry clients,
        PassDbContext db,
        NoticeBoard board,
        AuditLog audit,
        IOptions<MessagesOptions> options,
        TimeProvider time,
        CancellationToken ct)
    {
        if (await PermittedClient.OfAsync(caller, PassPermissions.Messages, clients, ct) is not { } clientId)
        {
            return PermittedClient.Refused("Sending messages", PassPermissions.Messages);
        }

        if (!context.Request.HasFormContentType)
        {
            return OAuthResults.BadRequest("Send the message as application/x-www-form-urlencoded: sub, title, body and an optional link.");
        }

        var form = await context.Request.ReadFormAsync(ct);
        var (sub, title, body, link) = (One(form["sub"]), Clean(One(form["title"])), Clean(One(form["body"])), One(form["link"])?.Trim());
        if (sub is not { Length: > 0 and <= MaxSub })
        {
            return OAuthResults.BadRequest("sub is required: the person's id.");
        }

        if (title is not { Length: > 0 and <= MaxTitle } || body is not { Length: > 0 and <= MaxBody })
        {
            return OAuthResults.BadRequest($"title (1–{MaxTitle} characters) and body (1–{MaxBody}) are required.");
        }

        // A user name in a link ("https://canteen.example.edu@evil.example/") shows one host and opens another.
        if (!string.IsNullOrEmpty(link) && (link.Length > MaxLink || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
                || uri.UserInfo.Length > 0))
        {
            return OAuthResults.BadRequest("link must be an absolute https address, without a user name.");
        }

        if (!await db.Users.AnyAsync(u => u.Id == sub, ct))
        {
            return OAuthResults.NotFound("Nobody has this sub.");
        }

        if (await RetryAfterAsync(db, clientId, sub, options.Value, time.GetUtcNow(), ct) is { } wait)
        {
            context.Response.SetRetryAfter(wait);
            return OAuthResults.Error(StatusCodes.Status429TooManyRequests, OAuthErrors.TooManyRequests, "Too many messages to this person or from this client; retry later.");
        }

        if (await db.NoticeMutes.AnyAsync(m => m.UserId == sub && m.ClientId == clientId, ct))
        {
            await audit.RecordAsync(AuditEventType.MessageSent, sub, clientId, AuditDetail.Of(AuditDetailCode.MessageMuted, title), success: false, ct: ct);
            return TypedResults.Ok(new MessageSentResponse(null, false));
        }

        var notice = await board.AddAsync(sub, NoticeKind.FromSubsystem, [], ct, clientId, await clients.DisplayNameAsync(clientId, ct), title, body,
            string.IsNullOrEmpty(link) ? null : link);
        await audit.RecordAsync(AuditEventType.MessageSent, sub, clientId, AuditDetail.Of(AuditDetailCode.Message, title), ct: ct);
        return TypedResults.Ok(new MessageSentResponse(notice.Id, true));
    }

    private static string? One(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 1 ? values[0] : null;

    /// <summary>
    /// Text as a person reads it: no control or invisible formatting characters (a right-to-left override would turn
    /// "exe.txt" round), at most one empty line in a row, no surrounding space.
    /// </summary>
    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var kept = new string([.. text.Where(c => c == '\n' || (!char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format))]);
        return BlankLines().Replace(kept, "\n\n").Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\n\s*\n(\s*\n)+")]
    private static partial System.Text.RegularExpressions.Regex BlankLines();

    /// <summary>How long until the client may send this person (and anyone) another message, or null when it may now.</summary>
    private static async Task<TimeSpan?> RetryAfterAsync(PassDbContext db, string clientId, string userId, MessagesOptions limits, DateTimeOffset now, CancellationToken ct)
    {
        var hourAgo = now.AddHours(-1);
        var toPerson = await db.Notices.AsNoTracking().Where(n => n.ClientId == clientId && n.UserId == userId && n.CreatedAt > hourAgo)
            .OrderBy(n => n.CreatedAt).Select(n => n.CreatedAt).ToListAsync(ct);
        if (toPerson.Count >= limits.PerPersonPerHour)
        {
            return toPerson[toPerson.Count - limits.PerPersonPerHour] - hourAgo;
        }

        var all = await db.Notices.AsNoTracking().CountAsync(n => n.ClientId == clientId && n.CreatedAt > hourAgo, ct);
        return all >= limits.PerClientPerHour ? TimeSpan.FromMinutes(1) : null;
    }
}
