namespace Pass.Web.Sms;

public enum SmsSendOutcome
{
    Sent,
    NotSent,
    RateLimited,
    GatewayFailed,
}
