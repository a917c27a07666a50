using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Web.Data;

namespace Pass.Web.Audit;

/// <summary>Writes security events with who (the signed-in person), when, and from which address.</summary>
public sealed class AuditLog(PassDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    public async Task RecordAsync(
        AuditEventType type,
        string? subjectUserId = null,
        string? clientId = null,
        string? detail = null,
        bool success = true,
        CancellationToken ct = default)
    {
        Stage(type, subjectUserId, clientId, detail, success);
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
        string? detail = null,
        bool success = true)
    {
        var context = http.HttpContext;
        db.AuditEvents.Add(new AuditEvent
        {
            At = time.GetUtcNow(),
            Type = type,
            Success = success,
            ActorId = context?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context?.User.FindFirstValue("sub"),
            SubjectUserId = subjectUserId,
            ClientId = clientId,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
    }

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
        return new PagedResult<AuditEventView>(items.Select(e => e.ToView()).ToList(), total, page, pageSize);
    }
}
