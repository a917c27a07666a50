using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Pass.Shared.Audit;
using Pass.Shared.QrLogin;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Infrastructure;
using Pass.Web.Oauth;
using Pass.Web.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.QrLogin;

/// <summary>QR login codes: issue, watch, redeem once. A replayed code revokes what its first use issued.</summary>
public sealed class QrLoginService(
    PassDbContext db,
    TimeProvider time,
    IOptions<QrOptions> options,
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    QrSessionNotifier notifier,
    IOptions<RateLimitOptions> rateLimits,
    Administrators administrators,
    AuditLog audit)
{
    public async Task<QrCreateResult> CreateAsync(string? session, string userId, string? clientId, CancellationToken ct = default)
    {
        if (!QrSession.IsValidSessionId(session))
        {
            return new QrCreateResult(QrCreateOutcome.InvalidSession);
        }

        if (rateLimits.Value is { Enabled: true } limits && await CreationWaitAsync(userId, limits.QrSessionsPerPersonPerMinute, ct) is { } wait)
        {
            return new QrCreateResult(QrCreateOutcome.TooMany, RetryAfter: wait);
        }

        if (await db.QrSessions.AnyAsync(s => s.Session == session, ct))
        {
            return new QrCreateResult(QrCreateOutcome.Conflict);
        }

        var lifetime = options.Value.CodeLifetime;
        var code = Secrets.NewToken();
        db.QrSessions.Add(QrSession.Create(session!, userId, clientId, Secrets.Hash(code), time.GetUtcNow(), lifetime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on Session: another generator created the same id between our check and insert.
            db.ChangeTracker.Clear();
            return new QrCreateResult(QrCreateOutcome.Conflict);
        }

        notifier.Publish(session!);
        await audit.RecordAsync(AuditEventType.QrSessionCreated, userId, clientId, AuditDetail.Of(AuditDetailCode.QrSession, session), ct: ct);
        return new QrCreateResult(QrCreateOutcome.Created, code, (int)lifetime.TotalSeconds);
    }

    /// <summary>
    /// How long <paramref name="userId"/> must wait before creating another session, when they created
    /// <paramref name="perMinute"/> in the last minute already (0: no limit); null when they may go ahead.
    /// </summary>
    private async Task<TimeSpan?> CreationWaitAsync(string userId, int perMinute, CancellationToken ct = default)
    {
        if (perMinute <= 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var since = now.AddMinutes(-1);
        var recent = await db.QrSessions.Where(s => s.UserId == userId && s.CreatedAt > since)
            .OrderByDescending(s => s.CreatedAt).Select(s => s.CreatedAt).Take(perMinute).ToListAsync(ct);
        return recent.Count < perMinute ? null : recent[^1].AddMinutes(1) - now;
    }

    /// <summary>
    /// The session if <paramref name="viewer"/> created it or is an administrator; otherwise it does not exist for them.
    /// The creator, who polls it, is answered without the administrator rule's look-up.
    /// </summary>
    public async Task<QrSession?> FindForViewerAsync(string? session, ClaimsPrincipal viewer, CancellationToken ct = default)
    {
        if (!QrSession.IsValidSessionId(session))
        {
            return null;
        }

        var found = await db.QrSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Session == session, ct);
        return found is not null && (found.UserId == viewer.FindFirstValue(ClaimTypes.NameIdentifier) || await administrators.IsAdministratorAsync(viewer))
            ? found : null;
    }

    public QrSessionStatus StatusOf(QrSession session) => session.StatusAt(time.GetUtcNow());

    public async Task<QrRedeemResult> RedeemAsync(string code, string clientId, CancellationToken ct = default)
    {
        var hash = Secrets.Hash(code);
        var session = await db.QrSessions.FirstOrDefaultAsync(s => s.CodeHash == hash, ct);
        if (session is null)
        {
            return new QrRedeemResult(null);
        }

        var now = time.GetUtcNow();
        switch (session.Redeem(clientId, now))
        {
            case QrRedemption.AlreadyUsed:
                return await RevokeReplayAsync(session, clientId, ct);
            case QrRedemption.Expired:
                return new QrRedeemResult(session, QrRedemption.Expired);
        }

        if (!await CommitRedemptionAsync(session, clientId, now, ct))
        {
            // Another redemption committed first: this one is a replay.
            db.ChangeTracker.Clear();
            var winner = await db.QrSessions.FirstAsync(s => s.Id == session.Id, ct);
            return await RevokeReplayAsync(winner, clientId, ct);
        }

        notifier.Publish(session.Session);
        await audit.RecordAsync(AuditEventType.QrCodeRedeemed, session.UserId, clientId, AuditDetail.Of(AuditDetailCode.QrSession, session.Session), ct: ct);
        return new QrRedeemResult(session);
    }

    /// <summary>
    /// Stores the redemption with the authorization its tokens belong to, in one transaction: OpenIddict's store saves
    /// the context (so the redemption too), then the session names the authorization. Of two redemptions racing, the
    /// second's UPDATE matches no row (the stored state is the concurrency token) and its authorization rolls back.
    /// </summary>
    private async Task<bool> CommitRedemptionAsync(QrSession session, string clientId, DateTimeOffset now, CancellationToken ct)
    {
        var app = await applications.FindByClientIdAsync(clientId, ct);
        var applicationId = app is null ? null : await applications.GetIdAsync(app, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var authorization = await authorizations.CreateAsync(new OpenIddictAuthorizationDescriptor
            {
                ApplicationId = applicationId,
                Subject = session.UserId,
                Status = Statuses.Valid,
                Type = AuthorizationTypes.AdHoc,
                CreationDate = now,
            }, ct);
            session.AttachAuthorization((await authorizations.GetIdAsync(authorization, ct))!);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private async Task<QrRedeemResult> RevokeReplayAsync(QrSession session, string clientId, CancellationToken ct)
    {
        if (session.AuthorizationId is { } authorizationId)
        {
            // Revokes the authorization with its tokens (PassTokenManager).
            await tokens.RevokeByAuthorizationIdAsync(authorizationId, ct);
        }

        await audit.RecordAsync(AuditEventType.QrCodeReplayed, session.UserId, clientId,
            AuditDetail.Of(AuditDetailCode.QrReplayed, session.Session), success: false, ct: ct);
        return new QrRedeemResult(session, QrRedemption.AlreadyUsed);
    }
}
