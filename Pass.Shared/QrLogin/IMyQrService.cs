namespace Pass.Shared.QrLogin;

/// <summary>
/// The signed-in person's QR login codes. The server implements it over its services (prerendering and the
/// event stream); the WebAssembly pages over HTTP. A page works the same in either.
/// </summary>
public interface IMyQrService
{
    Task<PortalQrCode> CreateAsync(CancellationToken ct = default);

    Task<QrSessionView?> GetAsync(string session, CancellationToken ct = default);

    /// <summary>The session's state now, then each change, ending once it is used or expired.</summary>
    IAsyncEnumerable<QrSessionView> WatchAsync(string session, CancellationToken ct);
}
