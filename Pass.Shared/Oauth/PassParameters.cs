namespace Pass.Shared.Oauth;

public static class PassParameters
{
    public const string CardNumber = "card_number";
    public const string Session = "session";

    /// <summary>Optional on the device authorization request: the kiosk's name, shown to the person who approves.</summary>
    public const string DeviceName = "device_name";

    public const string Phone = "phone";
    public const string Title = "title";
    public const string Abort = "abort";
    public const string PhoneConflict = "phone_conflict";
}
