namespace Pass.Shared.Users;

/// <summary>Shows only the last four hex digits of a canonical card number, for lists and messages: "04A23B1C" → "••••3B1C".</summary>
public static class CardNumberMask
{
    public static string Mask(string canonical) =>
        canonical.Length <= 4 ? new string('•', canonical.Length) : "••••" + canonical[^4..];
}
