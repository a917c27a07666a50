namespace Pass.Shared.Kiosk;

/// <summary>One state of a kiosk's request on its event stream.</summary>
public sealed record KioskStatusView(KioskSignInStatus Status, DateTimeOffset ExpiresAt);
