using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Pass.Shared.Channels;

namespace Pass.Web.Channels;

/// <summary>
/// WeChat web authorization: QR connect for the website app (<c>snsapi_login</c>), and the official account's
/// authorization inside the app (<c>snsapi_base</c> silently, <c>snsapi_userinfo</c> with consent). WeChat's ways:
/// <c>appid</c>/<c>secret</c> for client_id/client_secret; the authorize parameters in its documented order and the
/// <c>#wechat_redirect</c> suffix; errors as HTTP 200 with <c>errcode</c> (40029 an invalid code, 40163 a used one);
/// <c>openid</c> per app and <c>unionid</c> across one company's apps; a "snapshot" visitor's openid is not a person.
/// </summary>
public sealed class WeChatHandler(IOptionsMonitor<ChannelAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, ChannelDirectory channels)
    : ChannelHandler(options, logger, encoder, channels)
{
    private string WeChatScope => Options.Kind == ChannelKind.WeChatWebsite ? "snsapi_login" : Settings.Scope ?? ChannelRules.SnsapiUserInfo;

    protected override string AuthorizationUrl(string state, string redirectUri) =>
        Options.AuthorizationEndpoint
        + (Options.AuthorizationEndpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?")
        + "appid=" + Uri.EscapeDataString(Settings.AppId!)
        + "&redirect_uri=" + Uri.EscapeDataString(redirectUri)
        + "&response_type=code"
        + "&scope=" + WeChatScope
        + "&state=" + state
        + "#wechat_redirect";

    protected override async Task<ChannelAccount> RedeemAsync(string code, CancellationToken ct)
    {
        var tokenUrl = QueryHelpers.AddQueryString(Options.TokenEndpoint, new Dictionary<string, string?>
        {
            ["appid"] = Settings.AppId,
            ["secret"] = Settings.Secret,
            ["code"] = code,
            ["grant_type"] = "authorization_code",
        });
        using var token = await GetJsonAsync(tokenUrl, ct);
        if (ErrorOf(token.RootElement) is { } refused)
        {
            return ChannelAccount.Refused("access_token: " + refused);
        }

        var root = token.RootElement;
        var openId = Text(root, "openid");
        var accessToken = Text(root, "access_token");
        if (openId is null || accessToken is null)
        {
            return ChannelAccount.Refused("access_token: no openid in the answer");
        }

        // A visitor in WeChat's "snapshot page" mode has a stand-in openid, the same for everyone who has not authorized.
        if (root.TryGetProperty("is_snapshotuser", out var snapshot) && snapshot.ValueKind == JsonValueKind.Number && snapshot.GetInt32() == 1)
        {
            return ChannelAccount.Refused("access_token: a snapshot-page visitor (is_snapshotuser=1)");
        }

        var unionId = Text(root, "unionid");
        string? name = null;
        if (WeChatScope != ChannelRules.SnsapiBase && Options.UserInformationEndpoint is { Length: > 0 } userInfoEndpoint)
        {
            var userUrl = QueryHelpers.AddQueryString(userInfoEndpoint, new Dictionary<string, string?> { ["access_token"] = accessToken, ["openid"] = openId, ["lang"] = "zh_CN" });
            using var user = await GetJsonAsync(userUrl, ct);
            if (ErrorOf(user.RootElement) is { } userRefused)
            {
                return ChannelAccount.Refused("userinfo: " + userRefused);
            }

            name = Text(user.RootElement, "nickname");
            unionId ??= Text(user.RootElement, "unionid");
        }

        var openKey = ChannelKeys.WeChatOpenId(Settings.AppId!, openId);
        return unionId is null
            ? new ChannelAccount(openKey, openId, name)
            : new ChannelAccount(ChannelKeys.WeChatUnionId(unionId), openId, name, AlternateKey: openKey);
    }

    // WeChat answers text/plain as often as JSON, and its errors with HTTP 200; the status is only trusted when it fails.
    private async Task<JsonDocument> GetJsonAsync(string url, CancellationToken ct)
    {
        using var response = await Backchannel.GetAsync(url, ct);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
    }

    private static string? ErrorOf(JsonElement root) =>
        root.ValueKind != JsonValueKind.Object ? "not a JSON object"
        : root.TryGetProperty("errcode", out var errcode) && errcode.ValueKind == JsonValueKind.Number && errcode.GetInt64() != 0
            ? $"errcode {errcode.GetInt64()} {Text(root, "errmsg")}"
            : null;

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 256 } text ? text : null;
}
