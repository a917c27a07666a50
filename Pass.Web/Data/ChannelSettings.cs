using Pass.Shared.Channels;

namespace Pass.Web.Data;

/// <summary>
/// A sign-in channel as an administrator saved it on the channels page. The secret (WeChat's AppSecret, or Alipay's
/// application private key) is stored encrypted with Data Protection, never in clear; a saved row wins over
/// <c>Pass:Channels</c>.
/// </summary>
public sealed class ChannelSettings
{
    public ChannelKind Kind { get; set; }

    public bool Enabled { get; set; }

    public string? AppId { get; set; }

    public string? ProtectedSecret { get; set; }

    /// <summary>The last four characters of the secret, or the private key's fingerprint, for the page.</summary>
    public string? SecretHint { get; set; }

    /// <summary>The official account's <c>snsapi_base</c> or <c>snsapi_userinfo</c>.</summary>
    public string? Scope { get; set; }

    /// <summary>Alipay's public key (PEM): not a secret, it verifies the gateway's answers.</summary>
    public string? ProviderPublicKey { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
