using System.ComponentModel.DataAnnotations;
using Pass.Web.Infrastructure;

namespace Pass.Web.Sms;

/// <summary>Section <c>Pass:Sms</c>: codes sent by SMS (SPEC §2.5) and how they are delivered.</summary>
public sealed class SmsOptions
{
    public const string Section = "Pass:Sms";

    /// <summary>Digits in a code. Default 6.</summary>
    [Range(4, 8)]
    public int CodeLength { get; set; } = 6;

    /// <summary>Default 5 minutes.</summary>
    [TimeSpanRange("00:01:00", "00:30:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Least time between two codes to one phone. Default 60 s.</summary>
    public TimeSpan PhoneInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Codes to one phone per hour. Default 5.</summary>
    [Range(1, 1000)]
    public int PhonePerHour { get; set; } = 5;

    /// <summary>Codes one client may send per hour. Default 500.</summary>
    [Range(1, 1_000_000)]
    public int ClientPerHour { get; set; } = 500;

    /// <summary>The message; <c>{title}</c>, <c>{code}</c> and <c>{minutes}</c> are filled in.</summary>
    public string Template { get; set; } = "【{title}】验证码 {code}，{minutes} 分钟内有效。Your code is {code}.";

    /// <summary>A generic HTTP SMS gateway; without a URL, messages stay in the outbox (and the console in Development).</summary>
    public SmsGatewayOptions Gateway { get; set; } = new();
}
