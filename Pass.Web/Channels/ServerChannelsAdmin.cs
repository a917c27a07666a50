using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Channels;
using Pass.Shared.Problems;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

namespace Pass.Web.Channels;

/// <summary>
/// The channels page: the settings in effect, saved into the database (the secret encrypted with Data Protection,
/// write-only), each change audited with what changed and never with a secret.
/// </summary>
public sealed class ServerChannelsAdmin(PassDbContext db, ChannelDirectory channels, AuditLog audit, TimeProvider time, IHttpContextAccessor http) : IChannelsAdmin
{
    public async Task<IReadOnlyList<ChannelView>> ListAsync(CancellationToken ct = default)
    {
        var views = new List<ChannelView>();
        foreach (var kind in Enum.GetValues<ChannelKind>())
        {
            views.Add(View(await channels.FindAsync(kind, ct)));
        }

        return views;
    }

    public async Task<Outcome<ChannelView>> UpdateAsync(ChannelKind kind, UpdateChannelRequest request, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind))
        {
            return Outcome<ChannelView>.NotFound();
        }

        var current = await channels.FindAsync(kind, ct);
        var secret = Blank(request.Secret);
        var providerKey = Blank(request.ProviderPublicKey);
        var problems = ChannelRules.Check(kind, request, !string.IsNullOrEmpty(current.Secret), !string.IsNullOrEmpty(current.ProviderPublicKey));
        if (kind == ChannelKind.Alipay && secret is not null && AlipayKeys.PublicHalf(secret) is null)
        {
            problems[ChannelRules.Field(nameof(request.Secret))] = [ProblemCode.ChannelKeyInvalid];
        }

        if (kind == ChannelKind.Alipay && providerKey is not null && AlipayKeys.PublicKey(providerKey) is null)
        {
            problems[ChannelRules.Field(nameof(request.ProviderPublicKey))] = [ProblemCode.ChannelProviderKeyInvalid];
        }

        if (problems.Count > 0)
        {
            return Outcome<ChannelView>.Invalid(problems);
        }

        return await SaveAsync(kind, current, request with { AppId = Blank(request.AppId), Secret = secret, ProviderPublicKey = providerKey }, ct);
    }

    public async Task<Outcome<ChannelView>> NewKeyPairAsync(ChannelKind kind, CancellationToken ct = default)
    {
        if (kind != ChannelKind.Alipay)
        {
            return Outcome<ChannelView>.Refused(ProblemCode.ChannelKeyPairOnlyAlipay);
        }

        var current = await channels.FindAsync(kind, ct);
        return await SaveAsync(kind, current, new UpdateChannelRequest(current.Enabled, current.AppId, AlipayKeys.NewPrivateKey(), Scope: current.Scope), ct);
    }

    private async Task<Outcome<ChannelView>> SaveAsync(ChannelKind kind, ChannelSecrets current, UpdateChannelRequest request, CancellationToken ct)
    {
        var row = await db.Channels.FirstOrDefaultAsync(c => c.Kind == kind, ct);
        if (row is null)
        {
            // The first save on the page takes over from configuration: what it does not change is kept as configured.
            row = new ChannelSettings { Kind = kind, AppId = current.AppId, ProviderPublicKey = current.ProviderPublicKey, Scope = current.Scope };
            SetSecret(row, kind, current.Secret);
            db.Channels.Add(row);
        }

        var changed = new List<string>();
        if (row.Enabled != request.Enabled || current.Source != ChannelSource.Database)
        {
            changed.Add(request.Enabled ? "enabled" : "disabled");
        }

        row.Enabled = request.Enabled;
        if (row.AppId != request.AppId)
        {
            changed.Add("appId");
            row.AppId = request.AppId;
        }

        if (request.Secret is not null)
        {
            changed.Add(kind == ChannelKind.Alipay ? "privateKey" : "secret");
            SetSecret(row, kind, request.Secret);
        }

        if (request.ProviderPublicKey is not null && request.ProviderPublicKey != row.ProviderPublicKey)
        {
            changed.Add("alipayPublicKey");
            row.ProviderPublicKey = request.ProviderPublicKey;
        }

        if (kind == ChannelKind.WeChatOfficialAccount && request.Scope is not null && request.Scope != row.Scope)
        {
            changed.Add("scope");
            row.Scope = request.Scope;
        }

        row.UpdatedAt = time.GetUtcNow();
        row.UpdatedBy = http.HttpContext?.User.UserId();
        audit.Stage(AuditEventType.ChannelUpdated, detail: AuditDetail.Of(AuditDetailCode.ChannelChanged, kind.ToString(), changed.Count == 0 ? "nothing" : string.Join(", ", changed)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ChannelView>.Refused(new CodedProblem(ProblemCode.Other, ["Another administrator saved this channel at the same moment; reload the page."]));
        }

        return Outcome<ChannelView>.Ok(View(await channels.FindAsync(kind, ct)));
    }

    private void SetSecret(ChannelSettings row, ChannelKind kind, string? secret)
    {
        row.ProtectedSecret = secret is null ? null : channels.Protector.Protect(secret);
        row.SecretHint = ChannelDirectory.HintOf(kind, secret);
    }

    private ChannelView View(ChannelSecrets s) => new(
        s.Kind,
        s.Enabled,
        s.Ready,
        s.AppId,
        !string.IsNullOrEmpty(s.Secret),
        s.SecretHint,
        s.Kind == ChannelKind.WeChatOfficialAccount ? s.Scope ?? ChannelRules.SnsapiUserInfo : null,
        s.Kind == ChannelKind.Alipay ? AlipayKeys.PublicHalf(s.Secret) : null,
        s.Kind == ChannelKind.Alipay ? AlipayKeys.Fingerprint(s.ProviderPublicKey) : null,
        CallbackUrl(s.Kind),
        s.Source,
        s.UpdatedAt);

    private string CallbackUrl(ChannelKind kind)
    {
        var request = http.HttpContext?.Request;
        var root = request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root + ChannelsModule.CallbackPath(kind);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
