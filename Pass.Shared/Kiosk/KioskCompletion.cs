namespace Pass.Shared.Kiosk;

/// <summary>How a kiosk's sign-in attempt ended.</summary>
public enum KioskCompletion
{
    SignedIn,
    Pending,
    Denied,
    Expired,
    Failed,
}
