using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Pass.Web.Channels;

/// <summary>
/// Alipay web authorization (<c>auth_user</c>). The callback carries <c>auth_code</c>; the token and the profile come
/// from the gateway, each request signed RSA2 (SHA256withRSA over the sorted parameters, with the application's private
/// key) and each answer's signature verified with Alipay's public key over the answer's own JSON text. Errors come as
/// HTTP 200 with <c>error_response</c>. An app gets <c>user_id</c> (2088…) or, in newer apps, a per-app <c>open_id</c>.
/// </summary>
public sealed class AlipayHandler(IOptionsMonitor<ChannelAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, ChannelDirectory channels, TimeProvider time)
    : ChannelHandler(options, logger, encoder, channels)
{
    public const string TokenMethod = "alipay.system.oauth.token";
    public const string UserInfoMethod = "alipay.user.info.share";

    /// <summary>Alipay's gateway reads its timestamp as Beijing time, which has no daylight saving.</summary>
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    protected override string CodeParameter => "auth_code";

    protected override string AuthorizationUrl(string state, string redirectUri) =>
        Options.AuthorizationEndpoint
        + (Options.AuthorizationEndpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?")
        + "app_id=" + Uri.EscapeDataString(Settings.AppId!)
        + "&scope=auth_user"
        + "&redirect_uri=" + Uri.EscapeDataString(redirectUri)
        + "&state=" + state;

    protected override async Task<ChannelAccount> RedeemAsync(string code, CancellationToken ct)
    {
        if (Request.Query["app_id"] is { Count: > 0 } appId && appId != Settings.AppId)
        {
            return ChannelAccount.Refused("the callback is for another app_id");
        }

        using var privateKey = AlipayKeys.PrivateKey(Settings.Secret);
        using var alipayKey = AlipayKeys.PublicKey(Settings.ProviderPublicKey);
        if (privateKey is null || alipayKey is null)
        {
            return ChannelAccount.Refused("the channel's keys cannot be read");
        }

        var token = await CallAsync(TokenMethod, new() { ["grant_type"] = "authorization_code", ["code"] = code }, privateKey, alipayKey, ct);
        if (token.Error is not null)
        {
            return ChannelAccount.Refused(TokenMethod + ": " + token.Error);
        }

        var userId = Text(token.Answer, "user_id");
        var openId = Text(token.Answer, "open_id");
        var accessToken = Text(token.Answer, "access_token");
        if ((userId is null && openId is null) || accessToken is null)
        {
            return ChannelAccount.Refused(TokenMethod + ": no user_id or open_id in the answer");
        }

        // The profile only gives a name: an app without that permission still signs people in.
        var profile = await CallAsync(UserInfoMethod, new() { ["auth_token"] = accessToken }, privateKey, alipayKey, ct);
        if (profile.Error is not null && profile.BadSignature)
        {
            return ChannelAccount.Refused(UserInfoMethod + ": " + profile.Error);
        }

        var name = profile.Error is null ? Text(profile.Answer, "nick_name") : null;
        return userId is not null
            ? new ChannelAccount(ChannelKeys.AlipayUserId(userId), userId, name)
            : new ChannelAccount(ChannelKeys.AlipayOpenId(Settings.AppId!, openId!), openId, name);
    }

    /// <summary>One signed gateway call; the answer only once its signature holds.</summary>
    private async Task<GatewayAnswer> CallAsync(string method, Dictionary<string, string> business, RSA privateKey, RSA alipayKey, CancellationToken ct)
    {
        var parameters = new SortedDictionary<string, string>(business, StringComparer.Ordinal)
        {
            ["app_id"] = Settings.AppId!,
            ["method"] = method,
            ["format"] = "JSON",
            ["charset"] = "utf-8",
            ["sign_type"] = "RSA2",
            ["timestamp"] = time.GetUtcNow().ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["version"] = "1.0",
        };
        parameters["sign"] = AlipayKeys.Sign(privateKey, SignedContent(parameters));

        using var response = await Backchannel.PostAsync(Options.TokenEndpoint, new FormUrlEncodedContent(parameters), ct);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new GatewayAnswer(default, "not a JSON object");
        }

        if (root.TryGetProperty("error_response", out var error))
        {
            return new GatewayAnswer(default, Describe(error));
        }

        if (!root.TryGetProperty(method.Replace('.', '_') + "_response", out var answer) || answer.ValueKind != JsonValueKind.Object)
        {
            return new GatewayAnswer(default, "no " + method + " answer");
        }

        if (!AlipayKeys.Verify(alipayKey, answer.GetRawText(), Text(root, "sign", 1024)))
        {
            return new GatewayAnswer(default, "the answer's signature does not verify with Alipay's public key", BadSignature: true);
        }

        // A business failure has a code other than 10000 (the token call's success has no code at all).
        return Text(answer, "code") is { } status && status != "10000"
            ? new GatewayAnswer(default, Describe(answer))
            : new GatewayAnswer(answer.Clone(), null);
    }

    /// <summary>Alipay's content to sign: every parameter but <c>sign</c>, not empty, sorted by name, <c>name=value</c> joined by <c>&amp;</c>, not encoded.</summary>
    public static string SignedContent(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Where(p => p.Key != "sign" && !string.IsNullOrEmpty(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));

    private static string Describe(JsonElement error) =>
        $"{Text(error, "code")} {Text(error, "msg")} {Text(error, "sub_code")} {Text(error, "sub_msg")}".Trim();

    private static string? Text(JsonElement root, string name, int max = 256) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text && text.Length <= max ? text : null;

    private sealed record GatewayAnswer(JsonElement Answer, string? Error, bool BadSignature = false);
}
