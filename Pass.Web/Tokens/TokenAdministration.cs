using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Tokens;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Oauth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Tokens;

/// <summary>Lists tokens (never their values) and revokes them: one, all of a person, all of a client.</summary>
public sealed class TokenAdministration(
    PassDbContext db,
    IOpenIddictTokenManager tokens,
    IOpenIddictApplicationManager applications,
    TimeProvider time,
    AuditLog audit)
{
    public async Task<PagedResult<TokenView>> ListAsync(TokenQuery query, CancellationToken ct = default)
    {
        var all = db.Set<OpenIddictEntityFrameworkCoreToken>().AsNoTracking()
            .Where(t => t.Type == TokenTypeIdentifiers.AccessToken || t.Type == TokenTypeIdentifiers.RefreshToken);
        if (!string.IsNullOrEmpty(query.UserId))
        {
            all = all.Where(t => t.Subject == query.UserId);
        }

        if (!string.IsNullOrEmpty(query.ClientId))
        {
            all = all.Where(t => t.Application!.ClientId == query.ClientId);
        }

        if (query.ActiveOnly)
        {
            var now = time.GetUtcNow().UtcDateTime;
            all = all.Where(t => t.Status == Statuses.Valid && t.ExpirationDate > now);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(query.Page, 0);
        var total = await all.CountAsync(ct);
        var rows = await all.OrderByDescending(t => t.CreationDate)
            .Skip(page * pageSize).Take(pageSize)
            .Select(t => new { t.Id, t.Subject, t.Application!.ClientId, t.Application.DisplayName, t.Type, t.Status, t.CreationDate, t.ExpirationDate, t.Properties })
            .ToListAsync(ct);
        // Person tokens name their person; a terminal's own token names the terminal.
        var subjects = rows.Select(t => t.Subject).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => subjects.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName + " <" + u.Email + ">" }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var items = rows.Select(t => new TokenView(
            t.Id!, t.Subject, t.Subject is { } s && names.TryGetValue(s, out var name) ? name : t.DisplayName, t.ClientId, t.DisplayName,
            t.Type == TokenTypeIdentifiers.AccessToken ? "access_token" : "refresh_token",
            GrantOf(t.Properties), t.Status, Utc(t.CreationDate), Utc(t.ExpirationDate))).ToList();
        return new PagedResult<TokenView>(items, total, page, pageSize);
    }

    /// <summary>Revokes one token; with <paramref name="ownerId"/>, only if it is that person's.</summary>
    public async Task<bool> RevokeAsync(string tokenId, string? ownerId, CancellationToken ct = default)
    {
        if (await tokens.FindByIdAsync(tokenId, ct) is not { } token)
        {
            return false;
        }

        var subject = await tokens.GetSubjectAsync(token, ct);
        if (ownerId is not null && subject != ownerId)
        {
            return false;
        }

        await tokens.TryRevokeAsync(token, ct);
        await audit.RecordAsync(AuditEventType.TokenRevoked, subject, detail: AuditDetail.Of(AuditDetailCode.Token, tokenId), ct: ct);
        return true;
    }

    public async Task<long> RevokeAllOfUserAsync(string userId, CancellationToken ct = default)
    {
        var count = await tokens.RevokeBySubjectAsync(userId, ct);
        await audit.RecordAsync(AuditEventType.TokensRevokedForUser, userId, detail: AuditDetail.Of(AuditDetailCode.TokenCount, count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct: ct);
        return count;
    }

    public async Task<long?> RevokeAllOfClientAsync(string clientId, CancellationToken ct = default)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } app)
        {
            return null;
        }

        var count = await tokens.RevokeByApplicationIdAsync((await applications.GetIdAsync(app, ct))!, ct);
        await audit.RecordAsync(AuditEventType.TokensRevokedForClient, clientId: clientId, detail: AuditDetail.Of(AuditDetailCode.TokenCount, count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct: ct);
        return count;
    }

    private static string? GrantOf(string? properties)
    {
        if (string.IsNullOrEmpty(properties))
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(properties);
        return json.RootElement.TryGetProperty(PassTokenManager.GrantProperty, out var grant) ? grant.GetString() : null;
    }

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
