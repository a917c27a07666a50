namespace Pass.Web.Sms;

/// <summary>Section <c>Pass:Sms:Gateway</c>: a generic HTTP SMS gateway.</summary>
public sealed class SmsGatewayOptions
{
    public Uri? Url { get; set; }

    /// <summary>Default POST.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>The request body; <c>{phone}</c> and <c>{message}</c> are filled in, JSON-escaped.</summary>
    public string BodyTemplate { get; set; } = "{\"to\":\"{phone}\",\"text\":\"{message}\"}";

    public string ContentType { get; set; } = "application/json";

    /// <summary>Sent as the Authorization header when set (e.g. <c>Bearer …</c>).</summary>
    public string? Authorization { get; set; }

    /// <summary>How long one attempt waits for the gateway's answer. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The pause after a first failed attempt, doubled after each further one. Default 10 s.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest pause between two attempts. Default 2 minutes.</summary>
    public TimeSpan LongestPause { get; set; } = TimeSpan.FromMinutes(2);
}
