using Pass.Shared.Messages;

namespace Pass.Web.Data;

/// <summary>One notice in a person's inbox (<see cref="NoticeView"/> is what the portal shows of it).</summary>
public sealed class Notice
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public NoticeKind Kind { get; set; }

    /// <summary>The kind's values (a masked card, a masked phone), as a JSON array of strings.</summary>
    public string Args { get; set; } = "[]";

    /// <summary>The subsystem that sent it, for <see cref="NoticeKind.FromSubsystem"/>.</summary>
    public string? ClientId { get; set; }

    public string? Title { get; set; }

    public string? Body { get; set; }

    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
