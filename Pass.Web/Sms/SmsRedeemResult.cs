using Pass.Web.Data;

namespace Pass.Web.Sms;

public sealed record SmsRedeemResult(SmsRedeemOutcome Outcome, ApplicationUser? Person = null);
