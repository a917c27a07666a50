namespace Pass.Shared.Channels;

/// <summary>
/// Whose account a channel signs in with: both WeChat apps are WeChat, so a link made on one serves the other when
/// WeChat gives a <c>unionid</c>. The names are the Identity login providers links are stored under.
/// </summary>
public static class ChannelProvider
{
    public const string WeChat = "WeChat";
    public const string Alipay = "Alipay";

    public static string Of(ChannelKind kind) => kind == ChannelKind.Alipay ? Alipay : WeChat;

    /// <summary>The authentication scheme of a channel: its path segment too (<c>/signin-wechat-website</c>).</summary>
    public static string Scheme(ChannelKind kind) => kind switch
    {
        ChannelKind.WeChatWebsite => "wechat-website",
        ChannelKind.WeChatOfficialAccount => "wechat-official-account",
        _ => "alipay",
    };

    public static ChannelKind? FromScheme(string? scheme) =>
        Enum.GetValues<ChannelKind>().Cast<ChannelKind?>().FirstOrDefault(k => string.Equals(Scheme(k!.Value), scheme, StringComparison.OrdinalIgnoreCase));
}
