namespace Pass.Shared.Kiosk;

/// <summary>Pass's own public client the kiosk page signs in through; created at start, managed by Pass.</summary>
public static class KioskClient
{
    public const string ClientId = "pass-kiosk";
    public const string DisplayName = "Kiosk sign-in (Pass)";
}
