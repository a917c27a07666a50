using System.Text.Json.Serialization;

namespace Pass.Shared.Kiosk;

/// <summary>
/// A kiosk's sign-in request as the device authorization endpoint answered it (RFC 8628 §3.2): the device code
/// stays on the kiosk, the verification address (with the user code) becomes the QR code.
/// </summary>
public sealed record KioskCode(
    string DeviceCode,
    string UserCode,
    string VerificationUri,
    string VerificationUriComplete,
    int ExpiresIn,
    DateTimeOffset ExpiresAt);

/// <summary>Asks the server where a kiosk's request stands; the device code proves it is the kiosk asking.</summary>
public sealed record KioskWatchRequest(string? DeviceCode);

/// <summary>How a kiosk's sign-in attempt ended.</summary>
public enum KioskCompletion
{
    SignedIn,
    Pending,
    Denied,
    Expired,
    Failed,
}

/// <summary>The kiosk page's side of "scan to sign in on this screen"; it runs only in the browser, which keeps the cookie.</summary>
public interface IKioskSignIn
{
    /// <summary>Starts a request; <paramref name="deviceName"/> is what the person is shown (else the browser is described).</summary>
    Task<KioskCode> StartAsync(string? deviceName, CancellationToken ct = default);

    /// <summary>The request's state now, then each change, ending once it is decided or expired.</summary>
    IAsyncEnumerable<KioskSignInStatus> WatchAsync(string deviceCode, CancellationToken ct);

    /// <summary>Redeems an approved request at the token endpoint and turns it into this browser's sign-in.</summary>
    Task<KioskCompletion> CompleteAsync(string deviceCode, CancellationToken ct = default);
}

/// <summary>Pass's own public client the kiosk page signs in through; created at start, managed by Pass.</summary>
public static class KioskClient
{
    public const string ClientId = "pass-kiosk";
    public const string DisplayName = "Kiosk sign-in (Pass)";
}

/// <summary>One state of a kiosk's request on its event stream.</summary>
public sealed record KioskStatusView(KioskSignInStatus Status, DateTimeOffset ExpiresAt);

/// <summary>RFC 8628 §3.2: the device authorization endpoint's answer, as the kiosk reads it.</summary>
public sealed record DeviceAuthorizationResponse(
    [property: JsonPropertyName("device_code")] string DeviceCode,
    [property: JsonPropertyName("user_code")] string UserCode,
    [property: JsonPropertyName("verification_uri")] string VerificationUri,
    [property: JsonPropertyName("verification_uri_complete")] string VerificationUriComplete,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("interval")] int? Interval = null);
