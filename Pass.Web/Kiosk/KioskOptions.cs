using System.ComponentModel.DataAnnotations;
using Pass.Web.Infrastructure;

namespace Pass.Web.Kiosk;

/// <summary>Section <c>Pass:Kiosk</c>: "scan to sign in on this screen".</summary>
public sealed class KioskOptions
{
    public const string Section = "Pass:Kiosk";

    /// <summary>How long a kiosk's QR code can be approved. Default 5 minutes, between 30 seconds and 15 minutes.</summary>
    [TimeSpanRange("00:00:30", "00:15:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often a device may poll the token endpoint while its code waits (RFC 8628 <c>interval</c>); polling faster is
    /// answered <c>slow_down</c>. Default 5 seconds, between 1 and 60.
    /// </summary>
    [TimeSpanRange("00:00:01", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
