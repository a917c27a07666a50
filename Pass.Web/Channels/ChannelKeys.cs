namespace Pass.Web.Channels;

/// <summary>
/// What a link is stored under, per provider. A WeChat unionid is the same person in every app of one company; an
/// openid (and an Alipay open_id) only within one app, so it is kept with the app id.
/// </summary>
public static class ChannelKeys
{
    public static string WeChatUnionId(string unionId) => "union:" + unionId;

    public static string WeChatOpenId(string appId, string openId) => "open:" + appId + ":" + openId;

    public static string AlipayUserId(string userId) => "user:" + userId;

    public static string AlipayOpenId(string appId, string openId) => "open:" + appId + ":" + openId;

    /// <summary>The account's id without its kind and app, masked but for the last four, for My account.</summary>
    public static string Masked(string key)
    {
        var id = key[(key.LastIndexOf(':') + 1)..];
        return id.Length <= 4 ? "••••" : "••••" + id[^4..];
    }
}
