using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Pass.Web.Clients;
using Pass.Web.Data;

namespace Pass.Web.Logout;

/// <summary>
/// Writes a Back-Channel Logout notice for every site that signed the person in (an authorization of theirs, even one
/// just revoked) and registered a <c>backchannel_logout_uri</c>, then wakes the sender. For a sign-out the notice names
/// the session (<c>sid</c>); for a lock, a reset or a deletion, all of them.
/// </summary>
public sealed class LogoutOutbox(
    PassDbContext db,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications,
    LogoutSender sender,
    IHttpContextAccessor http,
    Microsoft.Extensions.Options.IOptionsMonitor<OpenIddict.Server.OpenIddictServerOptions> server,
    TimeProvider time)
{
    public async Task NotifyAsync(string userId, LogoutReason reason, string? sessionId = null, string? onlyClientId = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var issuer = Issuer();
        var added = 0;
        foreach (var (clientId, addresses) in await SitesOfAsync(userId, ct))
        {
            if ((onlyClientId is not null && clientId != onlyClientId) || addresses.BackchannelUri is not { } uri)
            {
                continue;
            }

            db.Add(new LogoutNotice
            {
                Id = Guid.CreateVersion7(now),
                ClientId = clientId,
                Uri = uri,
                Issuer = issuer,
                UserId = userId,
                SessionId = sessionId,
                Reason = reason,
                Status = LogoutNoticeStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            added++;
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
            sender.Wake();
        }
    }

    /// <summary>The sites that signed the person in (an authorization of theirs, even one just revoked), with their addresses.</summary>
    public async Task<List<(string ClientId, ClientAddresses Addresses)>> SitesOfAsync(string userId, CancellationToken ct = default)
    {
        var applicationIds = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId, ct))
        {
            if (await authorizations.GetApplicationIdAsync(authorization, ct) is { } applicationId)
            {
                applicationIds.Add(applicationId);
            }
        }

        var sites = new List<(string, ClientAddresses)>();
        foreach (var applicationId in applicationIds)
        {
            if (await applications.FindByIdAsync(applicationId, ct) is { } app && await applications.GetClientIdAsync(app, ct) is { } clientId)
            {
                sites.Add((clientId, ClientAddresses.Of(await applications.GetPropertiesAsync(app, ct))));
            }
        }

        return sites;
    }

    /// <summary>The issuer OpenIddict puts in this request's tokens: the configured one, or this site's address.</summary>
    public string Issuer()
    {
        if (server.CurrentValue.Issuer is { } configured)
        {
            return configured.AbsoluteUri;
        }

        var request = http.HttpContext?.Request;
        return request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}/";
    }

    /// <summary>The notices not yet delivered, newest first, for the administrator.</summary>
    public Task<List<LogoutNotice>> PendingAsync(CancellationToken ct = default) =>
        db.Set<LogoutNotice>().AsNoTracking().Where(n => n.Status == LogoutNoticeStatus.Pending).OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(ct);
}
