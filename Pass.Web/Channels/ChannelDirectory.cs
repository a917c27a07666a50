using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pass.Shared.Channels;
using Pass.Web.Data;

namespace Pass.Web.Channels;

/// <summary>
/// The channels in effect: the row saved on the channels page, else <c>Pass:Channels</c>. Read from the database on
/// each sign-in, so a change on one node holds on every node at once; the secret is decrypted only here.
/// </summary>
public sealed class ChannelDirectory(PassDbContext db, IOptionsMonitor<ChannelOptions> options, IDataProtectionProvider protection)
{
    /// <summary>Data Protection's purpose for channel secrets: the key ring is shared by every node.</summary>
    public const string Purpose = "Pass.Channels.Secret";

    public IDataProtector Protector => protection.CreateProtector(Purpose);

    public ChannelConfig Configured(ChannelKind kind) => options.CurrentValue.Of(kind);

    public async Task<ChannelSecrets> FindAsync(ChannelKind kind, CancellationToken ct = default)
    {
        var saved = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Kind == kind, ct);
        if (saved is not null)
        {
            return new ChannelSecrets(kind, saved.Enabled, saved.AppId, Unprotect(saved.ProtectedSecret), saved.SecretHint, saved.ProviderPublicKey,
                saved.Scope ?? Configured(kind).Scope, ChannelSource.Database, saved.UpdatedAt);
        }

        var configured = Configured(kind);
        var source = string.IsNullOrEmpty(configured.AppId) && !configured.Enabled ? ChannelSource.None : ChannelSource.Configuration;
        return new ChannelSecrets(kind, configured.Enabled, configured.AppId, configured.Secret, HintOf(kind, configured.Secret), configured.ProviderPublicKey, configured.Scope, source, null);
    }

    /// <summary>How the page shows a secret: a WeChat AppSecret by its last four characters, an Alipay private key by its fingerprint.</summary>
    public static string? HintOf(ChannelKind kind, string? secret) =>
        string.IsNullOrEmpty(secret) ? null : kind == ChannelKind.Alipay ? AlipayKeys.Fingerprint(secret) : ChannelRules.Hint(secret);

    /// <summary>The channel when it may be offered and used now, else null.</summary>
    public async Task<ChannelSecrets?> ReadyAsync(ChannelKind kind, CancellationToken ct = default) =>
        await FindAsync(kind, ct) is { Ready: true } ready ? ready : null;

    /// <summary>The channels the sign-in page offers.</summary>
    public async Task<IReadOnlyList<ChannelKind>> OfferedAsync(CancellationToken ct = default)
    {
        var offered = new List<ChannelKind>();
        foreach (var kind in Enum.GetValues<ChannelKind>())
        {
            if (await ReadyAsync(kind, ct) is not null)
            {
                offered.Add(kind);
            }
        }

        return offered;
    }

    /// <summary>
    /// The channels offered to this browser: inside WeChat the official account (there is nothing to scan), elsewhere
    /// the website app's QR code; Alipay everywhere but inside WeChat, which does not open it.
    /// </summary>
    public async Task<IReadOnlyList<ChannelKind>> OfferedToAsync(string? userAgent, CancellationToken ct = default)
    {
        var insideWeChat = userAgent?.Contains("MicroMessenger", StringComparison.OrdinalIgnoreCase) == true;
        return [.. (await OfferedAsync(ct)).Where(kind => (kind == ChannelKind.WeChatOfficialAccount) == insideWeChat)];
    }

    // A secret the key ring can no longer open (keys lost) reads as no secret: the channel is then not offered.
    private string? Unprotect(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret))
        {
            return null;
        }

        try
        {
            return Protector.Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
