namespace Pass.Shared.QrLogin;

/// <summary>
/// The person made as many QR codes as the per-minute limit allows; <see cref="RetryAfter"/> says when the next is
/// possible. Both <see cref="IMyQrService"/> implementations throw it, so the page answers the same in any render mode.
/// </summary>
public sealed class QrLimitReachedException(TimeSpan retryAfter)
    : Exception($"Too many QR codes in the last minute; retry in {Math.Ceiling(retryAfter.TotalSeconds)} s.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
