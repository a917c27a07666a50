using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Infrastructure;

namespace Pass.Web.QrLogin;

/// <summary><see cref="IMyQrService"/> on the server: for prerendering, and behind the event stream the pages read.</summary>
public sealed class ServerMyQrService(
    QrLoginService qr,
    QrSessionWatch watch,
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

    public Task<QrSessionView?> GetAsync(string session, CancellationToken ct = default) => watch.ReadAsync(session, User, ct);

    public IAsyncEnumerable<QrSessionView> WatchAsync(string session, CancellationToken ct) => watch.FollowAsync(session, User, ct);
}
