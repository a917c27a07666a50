namespace Pass.Web.Infrastructure;

/// <summary>
/// Section <c>Pass:RateLimits</c>: requests per second per caller, by kind of request. The defaults leave room for a
/// busy campus behind one address (and for bench/run.sh) and stop floods; brute force on one account is stopped by
/// lockout, not by these.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Pass:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Token, revocation and introspection requests per client (HTTP Basic) or, without Basic, per address.</summary>
    public int TokenPerSecond { get; set; } = 2_000;

    /// <summary>check_token per address: subsystems call it on every request they serve.</summary>
    public int CheckTokenPerSecond { get; set; } = 100_000;

    /// <summary>QR code creation and status per address.</summary>
    public int QrCodePerSecond { get; set; } = 5_000;

    /// <summary>QR sessions one person may create per minute, by app and portal together (0: no limit).</summary>
    public int QrSessionsPerPersonPerMinute { get; set; } = 30;

    /// <summary>Password sign-ins (portal form and API) per address, per minute.</summary>
    public int SignInPerMinute { get; set; } = 600;

    /// <summary>Person lookups by subsystems (<c>GET /oauth/v2/user</c>) per address, per minute: a desk's pace, not a walk through every phone number.</summary>
    public int PersonLookupPerMinute { get; set; } = 1_200;
}
