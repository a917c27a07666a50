using System.Text.Json.Serialization;

namespace Pass.Shared.Kiosk;

/// <summary>Where a kiosk's "scan to sign in" request stands (RFC 8628 device authorization).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KioskSignInStatus>))]
public enum KioskSignInStatus
{
    /// <summary>Shown on the kiosk, waiting for a person to scan and decide.</summary>
    Pending,

    /// <summary>A person approved it; the kiosk may now redeem its device code once.</summary>
    Approved,

    /// <summary>The person refused it.</summary>
    Denied,

    /// <summary>Nobody decided in time.</summary>
    Expired,

    /// <summary>The kiosk redeemed the approval: it is over.</summary>
    Completed,
}
