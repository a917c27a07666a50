namespace Pass.Web.Sms;

public enum SmsRedeemOutcome
{
    Redeemed,
    Unknown,
    Wrong,
    Dead,
    NoAccount,
    AccountExists,
}
