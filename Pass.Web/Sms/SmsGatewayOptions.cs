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
}
