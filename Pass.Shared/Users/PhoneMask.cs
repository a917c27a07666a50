namespace Pass.Shared.Users;

/// <summary>Shows enough of a phone number (E.164) to recognise it, not to use it: "+8613800138000" → "+86138****8000".</summary>
public static class PhoneMask
{
    public static string Mask(string phone) =>
        phone.Length <= 7 ? "****" : phone[..^8] + "****" + phone[^4..];
}
