using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Web.Data;

namespace Pass.Web.Audit;

/// <summary>Writes security events with who (the signed-in person), when, and from which address.</summary>
public sealed class AuditLog(PassDbContext db, TimeProvider time, IHttpContextAccessor http, IEnumerable<IAuditListener> listeners)
{
    private const int MaxDetail = 1000;

    /// <summary>Records an event; its detail is stored as a code with values (shown in the viewer's language) and as English text.</summary>
    public async Task RecordAsync(
        AuditEventType type,
        string? subjectUserId = null,
        string? clientId = null,
        AuditDetail? detail = null,
        bool success = true,
        CancellationToken ct = default)
    {
        Stage(type, subjectUserId, clientId, detail, success);
        foreach (var listener in listeners)
        {
            await listener.HeardAsync(type, subjectUserId, clientId, detail, success, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Adds the event to the request's unit of work without writing it: the caller's next save (for a grant,
    /// OpenIddict storing the token) writes both in one transaction, so the line and what it records stand or fall together.
    /// </summary>
    public void Stage(
        AuditEventType type,
        string? subjectUserId = null,
        string? clientId = null,
        AuditDetail? detail = null,
        bool success = true)
    {
        var coded = detail;
        var context = http.HttpContext;
        var line = new AuditEvent
        {
            At = time.GetUtcNow(),
            Type = type,
            Success = success,
            ActorId = context?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context?.User.FindFirstValue("sub"),
            SubjectUserId = subjectUserId,
            ClientId = clientId,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Detail = Cut(coded?.English),
            DetailCode = coded?.Code,
            DetailArgs = coded is null ? null : JsonSerializer.Serialize(coded.Args) is { Length: <= MaxDetail } args ? args : null,
        };
        db.AuditEvents.Add(line);
    }

    private static string? Cut(string? text) => text is { Length: > MaxDetail } ? text[..MaxDetail] : text;

    /// <summary>A page of the log, newest first, with the names of the people and clients it mentions (a deleted person has none).</summary>
    public async Task<PagedResult<AuditEventView>> QueryAsync(AuditQuery query, CancellationToken ct = default)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UserId))
        {
            events = events.Where(e => e.SubjectUserId == query.UserId || e.ActorId == query.UserId);
        }

        if (query.Type is { } type)
        {
            events = events.Where(e => e.Type == type);
        }

        if (query.From is { } from)
        {
            events = events.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            events = events.Where(e => e.At < to);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(query.Page, 0);
        var total = await events.CountAsync(ct);
        var items = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(ct);

        var personIds = items.SelectMany(e => new[] { e.ActorId, e.SubjectUserId }).OfType<string>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => personIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        // A subsystem acting for itself (client credentials: an SMS code sent by an app) is the actor under its client id.
        var clientIds = items.SelectMany(e => new[] { e.ClientId, e.ActorId }).OfType<string>().Where(id => !people.ContainsKey(id)).Distinct().ToList();
        var clients = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking().Where(a => clientIds.Contains(a.ClientId!))
            .Select(a => new { a.ClientId, a.DisplayName }).ToListAsync(ct);
        var clientNames = clients.Where(c => c.ClientId is not null).ToDictionary(c => c.ClientId!, c => c.DisplayName ?? c.ClientId!);

        return new PagedResult<AuditEventView>([.. items.Select(e => new AuditEventView(e.Id, e.At, e.Type, e.Success, e.ActorId, e.SubjectUserId,
            e.ClientId, e.IpAddress, e.Detail, Coded(e),
            e.ActorId is { } actor ? people.GetValueOrDefault(actor) ?? clientNames.GetValueOrDefault(actor) : null,
            e.SubjectUserId is { } subject ? people.GetValueOrDefault(subject) : null,
            e.ClientId is { } client ? clientNames.GetValueOrDefault(client) : null))], total, page, pageSize);
    }

    private static AuditDetail? Coded(AuditEvent line)
    {
        if (line.DetailCode is not { } code)
        {
            return null;
        }

        try
        {
            return new AuditDetail(code, line.DetailArgs is { } args ? JsonSerializer.Deserialize<string[]>(args) ?? [] : []);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
