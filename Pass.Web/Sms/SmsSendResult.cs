namespace Pass.Web.Sms;

public sealed record SmsSendResult(SmsSendOutcome Outcome, TimeSpan RetryAfter = default);
