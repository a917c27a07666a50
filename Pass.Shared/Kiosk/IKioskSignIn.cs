namespace Pass.Shared.Kiosk;

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
