using Pass.Shared.Audit;

namespace Pass.Web.Data;

/// <summary>A row of the audit log; written once, never changed.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public AuditEventType Type { get; set; }

    public bool Success { get; set; } = true;

    /// <summary>Who acted: a user id, or null for a client acting on its own.</summary>
    public string? ActorId { get; set; }

    /// <summary>The person the event is about.</summary>
    public string? SubjectUserId { get; set; }

    public string? ClientId { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>Free text for people (English; the text of <see cref="DetailCode"/> when set); never a token, a secret or a full card number.</summary>
    public string? Detail { get; set; }

    /// <summary>What <see cref="Detail"/> says, as a code the portal shows in the viewer's language; null on lines written before codes.</summary>
    public AuditDetailCode? DetailCode { get; set; }

    /// <summary>The values <see cref="DetailCode"/>'s text names, as a JSON array of strings.</summary>
    public string? DetailArgs { get; set; }
}
