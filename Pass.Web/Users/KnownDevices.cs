using Microsoft.EntityFrameworkCore;
using Pass.Shared.Audit;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

/// <summary>
/// The browsers each person signs in from. A browser gets a random id in a long-lived cookie; a person's sign-in from a
/// browser they have not used before is audited as such, and Messages tells them (not for their very first sign-in, which
/// every account has once). The id is stored only as a hash.
/// </summary>
public sealed class KnownDevices(PassDbContext db, AuditLog audit, TimeProvider time)
{
    public const string CookieName = ".Pass.Device";

    /// <summary>Chromium keeps a cookie at most 400 days.</summary>
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);

    public async Task SeenAsync(HttpContext http, string userId, CancellationToken ct = default)
    {
        var id = http.Request.Cookies[CookieName] is { Length: 43 } known && known.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? known : Secrets.NewToken();
        http.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/", MaxAge = CookieLifetime,
        });

        var hash = Secrets.Hash(id);
        var now = time.GetUtcNow();
        var name = DeviceNames.Describe(http.Request.Headers.UserAgent);

        // Two sign-ins from one new browser at once: the key decides, and neither fails (no exception inside a sign-in's transaction).
        if (await InsertIfNewAsync(userId, hash, name, now, ct))
        {
            if (await db.KnownDevices.AnyAsync(d => d.UserId == userId && d.DeviceHash != hash, ct))
            {
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "";
                await audit.RecordAsync(AuditEventType.NewDeviceSignIn, userId, detail: AuditDetail.Of(AuditDetailCode.NewDevice, name, address), ct: ct);
            }

            return;
        }

        await db.KnownDevices.Where(d => d.UserId == userId && d.DeviceHash == hash).ExecuteUpdateAsync(d => d.SetProperty(x => x.LastSeenAt, now), ct);
    }

    private async Task<bool> InsertIfNewAsync(string userId, string hash, string name, DateTimeOffset now, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(KnownDevice))!;
        string Column(string property) => entity.FindProperty(property)!.GetColumnName();
        object Value(string property, object value) => entity.FindProperty(property)!.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
        var seen = Value(nameof(KnownDevice.FirstSeenAt), now);
        string userIdColumn = Column(nameof(KnownDevice.UserId)), hashColumn = Column(nameof(KnownDevice.DeviceHash));
        var sql = $$"""
            INSERT INTO "{{entity.GetTableName()}}" ("{{userIdColumn}}", "{{hashColumn}}", "{{Column(nameof(KnownDevice.Name))}}", "{{Column(nameof(KnownDevice.FirstSeenAt))}}", "{{Column(nameof(KnownDevice.LastSeenAt))}}")
            VALUES ({0}, {1}, {2}, {3}, {4})
            ON CONFLICT ("{{userIdColumn}}", "{{hashColumn}}") DO NOTHING
            """;
        return await db.Database.ExecuteSqlRawAsync(sql, [userId, hash, name, seen, seen], ct) == 1;
    }
}
