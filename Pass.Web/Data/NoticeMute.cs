namespace Pass.Web.Data;

/// <summary>A person does not want messages from this subsystem: what it sends them is dropped.</summary>
public sealed class NoticeMute
{
    public string UserId { get; set; } = "";

    public string ClientId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
