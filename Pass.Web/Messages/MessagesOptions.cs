using System.ComponentModel.DataAnnotations;
using Pass.Shared.Messages;

namespace Pass.Web.Messages;

/// <summary>Section <c>Pass:Messages</c>: people's notices, which of them also go by SMS, and what subsystems may send.</summary>
public sealed class MessagesOptions
{
    public const string Section = "Pass:Messages";

    /// <summary>
    /// The kinds of notice also sent by SMS to a person who has a phone, comma separated; empty for none. Default: every
    /// security notice, not subsystems' messages.
    /// </summary>
    public string SmsKinds { get; set; } = "CardReportedLost,CardReplaced,PasswordChanged,PasswordReset,PhoneLinked,ExternalAccountLinked,NewDeviceSignIn";

    /// <summary>How long a notice's SMS is tried before it is given up. Default one day.</summary>
    public TimeSpan SmsGiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Messages one subsystem may send one person per hour. Default 10.</summary>
    [Range(1, 10_000)]
    public int PerPersonPerHour { get; set; } = 10;

    /// <summary>Messages one subsystem may send per hour in all. Default 5,000.</summary>
    [Range(1, 10_000_000)]
    public int PerClientPerHour { get; set; } = 5_000;

    public bool SendsSms(NoticeKind kind) =>
        SmsKinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(k => string.Equals(k, kind.ToString(), StringComparison.OrdinalIgnoreCase));
}
