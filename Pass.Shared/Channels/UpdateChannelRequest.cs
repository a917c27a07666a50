namespace Pass.Shared.Channels;

/// <summary>
/// What the channels page saves. A null <see cref="Secret"/> or <see cref="ProviderPublicKey"/> keeps the stored one
/// (they are write-only); a value replaces it, which is how a secret is rotated.
/// </summary>
/// <param name="Secret">WeChat's AppSecret, or Alipay's application private key (PEM or bare base64 PKCS#8 / PKCS#1).</param>
/// <param name="ProviderPublicKey">Alipay's public key (支付宝公钥), which verifies the gateway's answers.</param>
/// <param name="Scope">The official account's scope: <c>snsapi_base</c> (silent, openid only) or <c>snsapi_userinfo</c> (asks, gives the name).</param>
public sealed record UpdateChannelRequest(bool Enabled, string? AppId, string? Secret = null, string? ProviderPublicKey = null, string? Scope = null);
