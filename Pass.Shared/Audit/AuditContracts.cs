namespace Pass.Shared.Audit;

/// <summary>One security event: who did what, when, through which client, from where.</summary>
public sealed record AuditEventView(
    long Id,
    DateTimeOffset At,
    AuditEventType Type,
    bool Success,
    string? ActorId,
    string? SubjectUserId,
    string? ClientId,
    string? IpAddress,
    string? Detail);

public sealed record AuditQuery(
    string? UserId = null,
    AuditEventType? Type = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 0,
    int PageSize = 50);
