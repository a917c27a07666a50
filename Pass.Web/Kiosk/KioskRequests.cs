using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Pass.Shared.Kiosk;
using Pass.Web.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Kiosk;

/// <summary>
/// Reads where kiosks' requests stand from OpenIddict's own device code entries: inactive until a person decides,
/// valid once approved, rejected once denied, redeemed once the kiosk has its token.
/// </summary>
public sealed class KioskRequests(IOpenIddictTokenManager tokens, PassDbContext db, TimeProvider time)
{
    /// <summary>The entry of a device code the kiosk client holds, or null for anything else.</summary>
    public async Task<string?> FindAsync(string? deviceCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(deviceCode) || deviceCode.Length > 512)
        {
            return null;
        }

        if (await tokens.FindByReferenceIdAsync(deviceCode, ct) is not OpenIddictEntityFrameworkCoreToken token
            || token.Type != TokenTypeIdentifiers.Private.DeviceCode)
        {
            return null;
        }

        var clientId = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Where(a => a.Id == token.Application!.Id).Select(a => a.ClientId).FirstOrDefaultAsync(ct);
        return clientId == KioskClient.ClientId ? token.Id : null;
    }

    /// <summary>Read afresh each time (no tracking): the watcher sees what the verification page just wrote.</summary>
    public async Task<KioskStatusView?> StatusAsync(string id, CancellationToken ct)
    {
        var entry = await db.Set<OpenIddictEntityFrameworkCoreToken>().AsNoTracking()
            .Where(t => t.Id == id).Select(t => new { t.Status, t.ExpirationDate }).FirstOrDefaultAsync(ct);
        if (entry is null)
        {
            return null;
        }

        var expiresAt = entry.ExpirationDate is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : time.GetUtcNow();
        var open = expiresAt > time.GetUtcNow();
        var status = entry.Status switch
        {
            Statuses.Valid when open => KioskSignInStatus.Approved,
            Statuses.Redeemed => KioskSignInStatus.Completed,
            Statuses.Rejected or Statuses.Revoked => KioskSignInStatus.Denied,
            _ when !open => KioskSignInStatus.Expired,
            _ => KioskSignInStatus.Pending,
        };
        return new KioskStatusView(status, expiresAt);
    }
}
