using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;

namespace Pass.Web.Client.Services;

/// <summary>Follows one QR session until it is used or expired, reconnecting through <see cref="LiveFeed"/>.</summary>
public sealed class QrStatusFeed(IMyQrService qr, TimeProvider time)
{
    public Task FollowAsync(string session, Func<QrSessionView, Task> onView, Func<bool, Task> onConnected, CancellationToken ct) =>
        LiveFeed.RunAsync(async token =>
        {
            await foreach (var view in qr.WatchAsync(session, token))
            {
                await onConnected(true);
                await onView(view);
                if (view.Status != QrSessionStatus.Unused)
                {
                    return true;
                }
            }

            // The stream ended early (a proxy, a restart): read the state, and resume if it is still unused.
            var current = await qr.GetAsync(session, token);
            if (current is not null && current.Status != QrSessionStatus.Unused)
            {
                await onView(current);
            }

            return current is null || current.Status != QrSessionStatus.Unused;
        }, onConnected, time, ct);
}
