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
    string? Detail,
    AuditDetail? Coded = null,
    string? ActorName = null,
    string? SubjectName = null,
    string? ClientName = null)
{
    /// <summary>The person acted on or acting no longer exists (their id stays in the log; their name is gone).</summary>
    public bool ActorDeleted => ActorId is not null && ActorName is null;

    public bool SubjectDeleted => SubjectUserId is not null && SubjectName is null;
}
