using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;

namespace Pass.Web.Client.Services;

/// <summary>
/// Follows one QR session's server-sent events until it is used or expired. A dropped connection is retried
/// with growing pauses, and the current state is read again before the stream resumes.
/// </summary>
public sealed class QrStatusFeed(IMyQrService qr, TimeProvider time)
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    public async Task FollowAsync(string session, Func<QrSessionView, Task> onView, Func<bool, Task> onConnected, CancellationToken ct)
    {
        for (var failures = 0; !ct.IsCancellationRequested; failures++)
        {
            try
            {
                await foreach (var view in qr.WatchAsync(session, ct))
                {
                    failures = 0;
                    await onConnected(true);
                    await onView(view);
                    if (view.Status != QrSessionStatus.Unused)
                    {
                        return;
                    }
                }

                // The stream ended early (a proxy, a restart): read the state, and resume if it is still unused.
                var current = await qr.GetAsync(session, ct);
                if (current is null)
                {
                    return;
                }

                if (current.Status != QrSessionStatus.Unused)
                {
                    await onView(current);
                    return;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                await onConnected(false);
            }

            await Task.Delay(Pauses[Math.Min(failures, Pauses.Length - 1)], time, ct).ConfigureAwait(false);
        }
    }
}
