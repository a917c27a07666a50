using System.Text.Json.Serialization;

namespace Pass.Shared.Channels;

/// <summary>
/// The outside accounts a person may sign in with once linked (the seed's channels 微信 and 支付宝). WeChat has two
/// apps with two app ids: the website app of the open platform (scan a QR code on a PC) and the official account
/// (a page opened inside WeChat); their accounts are one person's when the provider gives the same <c>unionid</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChannelKind>))]
public enum ChannelKind
{
    /// <summary>WeChat website app, QR connect (<c>snsapi_login</c>).</summary>
    WeChatWebsite,

    /// <summary>WeChat official account, web authorization inside the app (<c>snsapi_base</c> or <c>snsapi_userinfo</c>).</summary>
    WeChatOfficialAccount,

    /// <summary>Alipay web authorization (<c>auth_user</c>) through the RSA2-signed gateway.</summary>
    Alipay,
}
