using Pass.Shared.Audit;

namespace Pass.Web.Audit;

/// <summary>
/// Hears each event <see cref="AuditLog.RecordAsync"/> records, before it is written, and may add to the same unit of
/// work (a person's notice is written with the line that caused it, or neither is). A module above Audit implements
/// it; Audit knows none of them.
/// </summary>
public interface IAuditListener
{
    ValueTask HeardAsync(AuditEventType type, string? subjectUserId, string? clientId, AuditDetail? detail, bool success, CancellationToken ct);
}
