using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Infrastructure;
using Pass.Web.Clients;

namespace Pass.Web.QrLogin;

/// <summary><see cref="IMyQrService"/> on the server: for prerendering, and behind the event stream the pages read.</summary>
public sealed class ServerMyQrService(
    QrLoginService qr,
    ClientRegistry clients,
    QrSessionNotifier notifier,
    IHttpContextAccessor http,
    TimeProvider time) : IMyQrService
{
    private System.Security.Claims.ClaimsPrincipal User =>
        http.HttpContext?.User ?? throw new InvalidOperationException("No signed-in person.");

    public async Task<PortalQrCode> CreateAsync(CancellationToken ct = default)
    {
        // The generator's own ids never collide in practice; a collision is retried with a new one.
        for (var attempt = 0; ; attempt++)
        {
            var session = "portal-" + Guid.NewGuid().ToString("N");
            var result = await qr.CreateAsync(session, User.UserId(), clientId: null, ct);
            if (result.Outcome == QrCreateOutcome.Created)
            {
                return new PortalQrCode(session, result.AuthCode!, result.ExpiresIn, time.GetUtcNow().AddSeconds(result.ExpiresIn));
            }

            if (result.Outcome == QrCreateOutcome.TooMany)
            {
                throw new QrLimitReachedException(result.RetryAfter);
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException("Could not create a QR session.");
            }
        }
    }

    public async Task<QrSessionView?> GetAsync(string session, CancellationToken ct = default)
    {
        if (await qr.FindForViewerAsync(session, User, ct) is not { } found)
        {
            return null;
        }

        var clientName = found.RedeemedByClientId is { } clientId ? await clients.DisplayNameAsync(clientId, ct) : null;
        return new QrSessionView(found.Session, qr.StatusOf(found), found.CreatedAt, found.ExpiresAt, found.RedeemedByClientId, clientName, found.RedeemedAt);
    }

    public IAsyncEnumerable<QrSessionView> WatchAsync(string session, CancellationToken ct) =>
        notifier.FollowAsync(session, token => GetAsync(session, token),
            view => view.Status == QrSessionStatus.Unused ? view.ExpiresAt : null, time, ct);
}
