using System.ComponentModel.DataAnnotations;
using Pass.Web.Infrastructure;

namespace Pass.Web.Logout;

/// <summary>Section <c>Pass:Logout</c>: how Back-Channel Logout notices are delivered.</summary>
public sealed class LogoutOptions
{
    public const string Section = "Pass:Logout";

    /// <summary>How long a site may take to answer one notice. Default 5 seconds.</summary>
    [TimeSpanRange("00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The pause after the first failed attempt; each next one waits twice as long, at most an hour. Default 30 seconds.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long Pass keeps trying a site that does not answer. Default 1 day.</summary>
    [TimeSpanRange("00:01:00", "7.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long delivered and given-up notices stay listed. Default 7 days.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(7);
}
