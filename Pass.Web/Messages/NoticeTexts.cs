using System.Globalization;
using Pass.Shared.Messages;

namespace Pass.Web.Messages;

/// <summary>A notice as an SMS, in Chinese and English (a phone has no portal language).</summary>
public static class NoticeTexts
{
    private const int MaxSms = 300;

    public static string Sms(NoticeKind kind, IReadOnlyList<string> args, string? sender = null, string? title = null, string? body = null)
    {
        string Arg(int i) => i < args.Count ? args[i] : "";
        var text = kind switch
        {
            NoticeKind.CardReportedLost => $"【Pass】您的卡 {Arg(0)} 已挂失，用它签发的令牌已全部撤销。Your card {Arg(0)} was reported lost; its tokens are revoked.",
            NoticeKind.CardReplaced => $"【Pass】您的卡 {Arg(0)} 已换为 {Arg(1)}。Your card {Arg(0)} was replaced by {Arg(1)}.",
            NoticeKind.PasswordChanged => "【Pass】您的密码已修改。如非本人操作，请立即联系服务台。Your password was changed. If this was not you, contact the helpdesk now.",
            NoticeKind.PasswordReset => "【Pass】管理员已重置您的密码。Your password was reset by an administrator.",
            NoticeKind.PhoneLinked => $"【Pass】手机号 {Arg(0)} 已绑定到您的 Pass 账户。The phone {Arg(0)} is now linked to your Pass account.",
            NoticeKind.ExternalAccountLinked => $"【Pass】{Provider(Arg(0))}账号 {Arg(1)} 已绑定到您的 Pass 账户，可用它登录。如非本人操作，请立即联系服务台。Your {Arg(0)} account {Arg(1)} is now linked to your Pass account. If this was not you, contact the helpdesk now.",
            NoticeKind.NewDeviceSignIn => $"【Pass】您的账户刚在新设备上登录：{Arg(0)}（{Arg(1)}）。如非本人操作，请立即修改密码。New sign-in to your Pass account: {Arg(0)} ({Arg(1)}). If this was not you, change your password now.",
            _ => string.Format(CultureInfo.InvariantCulture, "【{0}】{1} {2}", sender ?? "Pass", title, body).TrimEnd(),
        };
        return text.Length <= MaxSms ? text : text[..MaxSms];
    }

    private static string Provider(string provider) => provider switch
    {
        Pass.Shared.Channels.ChannelProvider.WeChat => "微信",
        Pass.Shared.Channels.ChannelProvider.Alipay => "支付宝",
        _ => provider,
    };
}
