using System.Security.Claims;
using Pass.Shared.QrLogin;
using Pass.Web.Clients;

namespace Pass.Web.QrLogin;

/// <summary>
/// A person's view of one QR session, now and as it changes, each read in a scope of its own: a page may watch for
/// minutes, and ten thousand of them must not each hold a database context, the OpenIddict managers and the audit log
/// between reads (the shared read after a change is one read for all of them anyway).
/// </summary>
public sealed class QrSessionWatch(IServiceScopeFactory scopes, QrSessionNotifier notifier, TimeProvider time)
{
    public async Task<QrSessionView?> ReadAsync(string session, ClaimsPrincipal viewer, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var qr = scope.ServiceProvider.GetRequiredService<QrLoginService>();
        if (await qr.FindForViewerAsync(session, viewer, ct) is not { } found)
        {
            return null;
        }

        var clientName = found.RedeemedByClientId is { } clientId
            ? await scope.ServiceProvider.GetRequiredService<ClientRegistry>().DisplayNameAsync(clientId, ct)
            : null;
        return new QrSessionView(found.Session, qr.StatusOf(found), found.CreatedAt, found.ExpiresAt, found.RedeemedByClientId, clientName, found.RedeemedAt);
    }

    public IAsyncEnumerable<QrSessionView> FollowAsync(string session, ClaimsPrincipal viewer, CancellationToken ct) =>
        notifier.FollowAsync(session, token => ReadAsync(session, viewer, token),
            view => view.Status == QrSessionStatus.Unused ? view.ExpiresAt : null, time, ct);
}
