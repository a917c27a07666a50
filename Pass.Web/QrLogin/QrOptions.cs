using System.ComponentModel.DataAnnotations;
using Pass.Web.Infrastructure;

namespace Pass.Web.QrLogin;

/// <summary>Section <c>Pass:Qr</c>.</summary>
public sealed class QrOptions
{
    public const string Section = "Pass:Qr";

    /// <summary>How long an auth_code can be redeemed. Default 120 s, at most 10 minutes.</summary>
    [TimeSpanRange("00:00:05", "00:10:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromSeconds(120);
}
