using Pass.Shared.Channels;

namespace Pass.Web.Channels;

/// <summary>A channel's settings in effect, secret included: only the handlers and the channels page's service see it.</summary>
public sealed record ChannelSecrets(
    ChannelKind Kind,
    bool Enabled,
    string? AppId,
    string? Secret,
    string? SecretHint,
    string? ProviderPublicKey,
    string? Scope,
    ChannelSource Source,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>Enabled, and with everything the provider needs.</summary>
    public bool Ready => Enabled && ChannelRules.Missing(Kind, AppId, !string.IsNullOrEmpty(Secret), !string.IsNullOrEmpty(ProviderPublicKey)).Count == 0;
}
