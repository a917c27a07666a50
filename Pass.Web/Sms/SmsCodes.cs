using Pass.Shared.Users;

namespace Pass.Web.Sms;

/// <summary>
/// What is left of the old SMS code service (now <see cref="SmsCodeSender"/> and <see cref="SmsCodeRedeemer"/>): the
/// phone mask, for Users/UserDirectory.cs until it calls <see cref="PhoneMask"/> itself. Delete it then.
/// </summary>
public static class SmsCodes
{
    public static string Mask(string phone) => PhoneMask.Mask(phone);
}
