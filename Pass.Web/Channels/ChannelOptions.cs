using Pass.Shared.Channels;

namespace Pass.Web.Channels;

/// <summary>
/// Section <c>Pass:Channels</c>: each channel by its kind (<c>Pass:Channels:WeChatWebsite:AppId</c>). Settings saved on
/// the channels page win over these; the provider's addresses come only from here (the defaults are the real ones; the
/// tests point them at fakes).
/// </summary>
public sealed class ChannelOptions
{
    public const string Section = "Pass:Channels";

    public ChannelConfig WeChatWebsite { get; set; } = new()
    {
        AuthorizationEndpoint = "https://open.weixin.qq.com/connect/qrconnect",
        TokenEndpoint = WeChatTokenEndpoint,
        UserInfoEndpoint = WeChatUserInfoEndpoint,
    };

    public ChannelConfig WeChatOfficialAccount { get; set; } = new()
    {
        AuthorizationEndpoint = "https://open.weixin.qq.com/connect/oauth2/authorize",
        TokenEndpoint = WeChatTokenEndpoint,
        UserInfoEndpoint = WeChatUserInfoEndpoint,
        Scope = ChannelRules.SnsapiUserInfo,
    };

    /// <summary>Alipay: <see cref="ChannelConfig.TokenEndpoint"/> is the gateway, which serves the token and the user's profile.</summary>
    public ChannelConfig Alipay { get; set; } = new()
    {
        AuthorizationEndpoint = "https://openauth.alipay.com/oauth2/publicAppAuthorize.htm",
        TokenEndpoint = "https://openapi.alipay.com/gateway.do",
    };

    /// <summary>How long a call to the provider may take. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    private const string WeChatTokenEndpoint = "https://api.weixin.qq.com/sns/oauth2/access_token";
    private const string WeChatUserInfoEndpoint = "https://api.weixin.qq.com/sns/userinfo";

    public ChannelConfig Of(ChannelKind kind) => kind switch
    {
        ChannelKind.WeChatWebsite => WeChatWebsite,
        ChannelKind.WeChatOfficialAccount => WeChatOfficialAccount,
        _ => Alipay,
    };
}

/// <summary>One channel in configuration.</summary>
public sealed class ChannelConfig
{
    public bool Enabled { get; set; }

    public string? AppId { get; set; }

    /// <summary>WeChat's AppSecret, or Alipay's application private key. Keep it in a secret store, not in appsettings.json.</summary>
    public string? Secret { get; set; }

    /// <summary>Alipay's public key (支付宝公钥).</summary>
    public string? ProviderPublicKey { get; set; }

    /// <summary>The official account's scope: <c>snsapi_userinfo</c> (default: it gives the unionid, so a person linked on a PC is known inside WeChat) or <c>snsapi_base</c>.</summary>
    public string? Scope { get; set; }

    public string AuthorizationEndpoint { get; set; } = "";

    public string TokenEndpoint { get; set; } = "";

    public string? UserInfoEndpoint { get; set; }
}
