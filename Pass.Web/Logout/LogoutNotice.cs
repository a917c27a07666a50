namespace Pass.Web.Logout;

/// <summary>
/// One OIDC Back-Channel Logout notice to one site, kept until the site has taken it: a site that is down hears
/// later (<see cref="LogoutSender"/> retries with growing pauses, for <see cref="LogoutOptions.GiveUpAfter"/>).
/// </summary>
public sealed class LogoutNotice
{
    public Guid Id { get; set; }

    public string ClientId { get; set; } = "";

    /// <summary>The site's backchannel_logout_uri when the notice was made.</summary>
    public string Uri { get; set; } = "";

    /// <summary>The logout token's <c>iss</c>: Pass's issuer as the site knows it.</summary>
    public string Issuer { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>One sign-in session (a sign-out), or null for all of the person's sessions (locked, reset, withdrawn).</summary>
    public string? SessionId { get; set; }

    public LogoutReason Reason { get; set; }

    public LogoutNoticeStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>What the last attempt met (a status code, a timeout), for the administrator.</summary>
    public string? LastError { get; set; }
}
