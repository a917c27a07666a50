namespace Pass.Shared.Channels;

/// <summary>
/// A channel as the administrators' page shows it. Secrets never leave the server: <see cref="SecretHint"/> is the
/// last four characters, the private key is shown as the public key to upload to Alipay.
/// </summary>
/// <param name="Ready">Enabled with everything the provider needs: only then is it offered on the sign-in page.</param>
/// <param name="CallbackUrl">The address to register with the provider (WeChat's "授权回调域" is its host).</param>
/// <param name="Source">Where the settings come from: saved on the page, <c>Pass:Channels</c>, or nowhere yet.</param>
public sealed record ChannelView(
    ChannelKind Kind,
    bool Enabled,
    bool Ready,
    string? AppId,
    bool SecretSet,
    string? SecretHint,
    string? Scope,
    string? AppPublicKey,
    string? ProviderPublicKeyFingerprint,
    string CallbackUrl,
    ChannelSource Source,
    DateTimeOffset? UpdatedAt);
