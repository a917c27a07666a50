namespace Pass.Shared.Sms;

public enum SmsCheck
{
    Accepted,
    Wrong,
    Expired,
    Used,
    TooManyTries,
}
