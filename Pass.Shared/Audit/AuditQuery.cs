namespace Pass.Shared.Audit;

public sealed record AuditQuery(
    string? UserId = null,
    AuditEventType? Type = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 0,
    int PageSize = 50);
