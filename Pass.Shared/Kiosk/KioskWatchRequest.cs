namespace Pass.Shared.Kiosk;

/// <summary>Asks the server where a kiosk's request stands; the device code proves it is the kiosk asking.</summary>
public sealed record KioskWatchRequest(string? DeviceCode);
