namespace Pass.Web.QrLogin;

public enum QrCreateOutcome
{
    Created,
    InvalidSession,
    Conflict,

    /// <summary>The person reached the per-minute limit (<c>Pass:RateLimits:QrSessionsPerPersonPerMinute</c>).</summary>
    TooMany,
}
