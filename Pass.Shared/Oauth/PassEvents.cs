namespace Pass.Shared.Oauth;

/// <summary>Server-sent event types of the portal's live streams.</summary>
public static class PassEvents
{
    /// <summary>A QR session's state, on <c>/api/me/qr/{session}/events</c>.</summary>
    public const string Status = "status";

    /// <summary>The person's unread count, on <c>/api/me/notices/events</c>.</summary>
    public const string Unread = "unread";

    /// <summary>The first event of the board stream: it is open.</summary>
    public const string Ready = "ready";

    /// <summary>A QR session changed, on the board stream.</summary>
    public const string Session = "session";
}
