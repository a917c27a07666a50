using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pass.Web.Tests.Infrastructure;

/// <summary>
/// WeChat and Alipay on 127.0.0.1, with their real parameter names and their real ways: WeChat's authorize pages (QR
/// connect and the official account's), <c>sns/oauth2/access_token</c> and <c>sns/userinfo</c> answering errors as HTTP
/// 200 with <c>errcode</c> and as text/plain; Alipay's authorize page and its gateway, checking each request's RSA2
/// signature with the app's public key and signing each answer with "Alipay's" private key. Written from the providers'
/// documentation, not from Pass's code, so it catches Pass's mistakes.
/// </summary>
public sealed class FakeChannelProviders : IAsyncDisposable
{
    public const string WebsiteAppId = "wx0123456789abcdef";
    public const string WebsiteSecret = "websitesecret0123456789abcdef012";
    public const string OfficialAppId = "wxfedcba9876543210";
    public const string OfficialSecret = "officialsecret0123456789abcdef01";
    public const string AlipayAppId = "2021000000000001";

    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, Grant> _tokens = new();
    private LoopbackHost _host = null!;
    private string? _lastCode;

    private FakeChannelProviders()
    {
        AppKey = RSA.Create(2048);
        AlipayKey = RSA.Create(2048);
    }

    /// <summary>The application's key pair: Pass holds the private key, this Alipay the public one.</summary>
    public RSA AppKey { get; }

    /// <summary>"Alipay's" key pair: this Alipay signs with it, Pass verifies with the public key.</summary>
    public RSA AlipayKey { get; }

    public string AppPrivateKey => Convert.ToBase64String(AppKey.ExportPkcs8PrivateKey());

    public string AlipayPublicKey => Convert.ToBase64String(AlipayKey.ExportSubjectPublicKeyInfo());

    public Uri Address => _host.Address;

    /// <summary>Who scans, or approves, next.</summary>
    public FakePerson Person { get; set; } = new("p1", "union-p1", "小明", "2088000000000001");

    /// <summary>Shows a page to approve on (for a browser), instead of sending the browser straight back.</summary>
    public bool Interactive { get; set; }

    /// <summary>The person refuses: the provider sends the browser back with the state and no code.</summary>
    public bool Deny { get; set; }

    /// <summary>The next code handed out is one already redeemed (WeChat answers 40163, Alipay isv.code-invalid).</summary>
    public bool ReuseCode { get; set; }

    /// <summary>The next code handed out is one this provider never issued (WeChat 40029).</summary>
    public bool InvalidCode { get; set; }

    /// <summary>WeChat's "snapshot page" visitor: <c>is_snapshotuser=1</c> with a stand-in openid.</summary>
    public bool Snapshot { get; set; }

    /// <summary>Alipay answers signed with another key.</summary>
    public bool BadSignature { get; set; }

    /// <summary>A newer Alipay app: a per-app <c>open_id</c> instead of <c>user_id</c>.</summary>
    public bool AlipayOpenId { get; set; }

    /// <summary>Each authorize request as it arrived (path and query).</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>Gateway requests whose signature did not verify.</summary>
    public int BadlySignedRequests;

    public static async Task<FakeChannelProviders> StartAsync()
    {
        var fake = new FakeChannelProviders();
        fake._host = await LoopbackHost.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>Pass's configuration for all three channels, enabled and pointed here.</summary>
    public Dictionary<string, string> Settings(string officialScope = "snsapi_userinfo") => new()
    {
        ["Pass:Channels:WeChatWebsite:Enabled"] = "true",
        ["Pass:Channels:WeChatWebsite:AppId"] = WebsiteAppId,
        ["Pass:Channels:WeChatWebsite:Secret"] = WebsiteSecret,
        ["Pass:Channels:WeChatWebsite:AuthorizationEndpoint"] = Url("/connect/qrconnect"),
        ["Pass:Channels:WeChatWebsite:TokenEndpoint"] = Url("/sns/oauth2/access_token"),
        ["Pass:Channels:WeChatWebsite:UserInfoEndpoint"] = Url("/sns/userinfo"),
        ["Pass:Channels:WeChatOfficialAccount:Enabled"] = "true",
        ["Pass:Channels:WeChatOfficialAccount:AppId"] = OfficialAppId,
        ["Pass:Channels:WeChatOfficialAccount:Secret"] = OfficialSecret,
        ["Pass:Channels:WeChatOfficialAccount:Scope"] = officialScope,
        ["Pass:Channels:WeChatOfficialAccount:AuthorizationEndpoint"] = Url("/connect/oauth2/authorize"),
        ["Pass:Channels:WeChatOfficialAccount:TokenEndpoint"] = Url("/sns/oauth2/access_token"),
        ["Pass:Channels:WeChatOfficialAccount:UserInfoEndpoint"] = Url("/sns/userinfo"),
        ["Pass:Channels:Alipay:Enabled"] = "true",
        ["Pass:Channels:Alipay:AppId"] = AlipayAppId,
        ["Pass:Channels:Alipay:Secret"] = AppPrivateKey,
        ["Pass:Channels:Alipay:ProviderPublicKey"] = AlipayPublicKey,
        ["Pass:Channels:Alipay:AuthorizationEndpoint"] = Url("/oauth2/publicAppAuthorize.htm"),
        ["Pass:Channels:Alipay:TokenEndpoint"] = Url("/gateway.do"),
    };

    /// <summary>Only the providers' addresses: the app ids and secrets are for an administrator to enter on the channels page.</summary>
    public Dictionary<string, string> Addresses() =>
        Settings().Where(s => s.Key.EndsWith("Endpoint", StringComparison.Ordinal)).ToDictionary();

    /// <summary>WeChat's openid: the same person has another one in every app.</summary>
    public static string OpenId(string appId, FakePerson person) => "o" + appId[^6..] + "_" + person.Id;

    public string Url(string path) => new Uri(Address, path).ToString();

    private void Map(WebApplication app)
    {
        app.MapGet("/connect/qrconnect", (HttpRequest r) => WeChatAuthorize(r, WebsiteAppId, ["snsapi_login"]));
        app.MapGet("/connect/oauth2/authorize", (HttpRequest r) => WeChatAuthorize(r, OfficialAppId, ["snsapi_base", "snsapi_userinfo"]));
        app.MapGet("/sns/oauth2/access_token", WeChatToken);
        app.MapGet("/sns/userinfo", WeChatUserInfo);
        app.MapGet("/oauth2/publicAppAuthorize.htm", AlipayAuthorize);
        app.MapPost("/approve", (HttpRequest r) => Results.Redirect(Approve(r.Form["redirect_uri"]!, r.Form["state"]!, r.Form["app_id"]!, r.Form["scope"]!, r.Form["alipay"] == "1")));
        app.MapPost("/gateway.do", Gateway);
    }

    private IResult WeChatAuthorize(HttpRequest request, string appId, string[] scopes)
    {
        Authorizations.Enqueue(request.Path + request.QueryString);
        var q = request.Query;
        var state = q["state"].ToString();

        // WeChat's own error page for a wrong app, scope or state ("参数错误").
        if (q["appid"] != appId || q["response_type"] != "code" || !scopes.Contains(q["scope"].ToString())
            || !Uri.TryCreate(q["redirect_uri"], UriKind.Absolute, out _) || state.Length > 128 || !state.All(char.IsAsciiLetterOrDigit))
        {
            return Results.Text("参数错误 (fake WeChat: bad authorize request)", statusCode: 400);
        }

        return Interactive
            ? ApprovalPage(q["redirect_uri"]!, state, appId, q["scope"]!, alipay: false)
            : Results.Redirect(Approve(q["redirect_uri"]!, state, appId, q["scope"]!, alipay: false));
    }

    private IResult AlipayAuthorize(HttpRequest request)
    {
        Authorizations.Enqueue(request.Path + request.QueryString);
        var q = request.Query;
        var state = q["state"].ToString();
        if (q["app_id"] != AlipayAppId || q["scope"] != "auth_user" || !Uri.TryCreate(q["redirect_uri"], UriKind.Absolute, out _) || state.Length > 100)
        {
            return Results.Text("invalid-auth-relation (fake Alipay: bad authorize request)", statusCode: 400);
        }

        return Interactive
            ? ApprovalPage(q["redirect_uri"]!, state, AlipayAppId, "auth_user", alipay: true)
            : Results.Redirect(Approve(q["redirect_uri"]!, state, AlipayAppId, "auth_user", alipay: true));
    }

    private static IResult ApprovalPage(string redirectUri, string state, string appId, string scope, bool alipay)
    {
        var e = HtmlEncoder.Default;
        return Results.Content($"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{(alipay ? "支付宝授权" : "微信登录")}</title></head>
            <body><h1>{(alipay ? "支付宝授权" : "微信扫码登录")}</h1>
            <form method="post" action="/approve">
            <input type="hidden" name="redirect_uri" value="{e.Encode(redirectUri)}"><input type="hidden" name="state" value="{e.Encode(state)}">
            <input type="hidden" name="app_id" value="{e.Encode(appId)}"><input type="hidden" name="scope" value="{e.Encode(scope)}">
            <input type="hidden" name="alipay" value="{(alipay ? "1" : "0")}">
            <button id="fake-approve" type="submit">{(alipay ? "同意授权" : "确认登录")}</button></form></body></html>
            """, "text/html; charset=utf-8");
    }

    private string Approve(string redirectUri, string state, string appId, string scope, bool alipay)
    {
        var back = redirectUri + (redirectUri.Contains('?') ? "&" : "?");
        if (Deny)
        {
            return back + "state=" + Uri.EscapeDataString(state);
        }

        string code;
        if (ReuseCode && _lastCode is not null)
        {
            (code, ReuseCode) = (_lastCode, false);
        }
        else if (InvalidCode)
        {
            (code, InvalidCode) = ("never-issued-" + Guid.NewGuid().ToString("N"), false);
        }
        else
        {
            code = Guid.NewGuid().ToString("N");
            _codes[code] = new Grant(Person, appId, scope);
            _lastCode = code;
        }

        return alipay
            ? back + $"app_id={appId}&source=alipay_wallet&scope=auth_user&auth_code={code}&state={Uri.EscapeDataString(state)}"
            : back + $"code={code}&state={Uri.EscapeDataString(state)}";
    }

    // WeChat's API answers text/plain, and its errors with HTTP 200.
    private static IResult WeChat(object body) => Results.Text(JsonSerializer.Serialize(body, Raw), "text/plain", Encoding.UTF8);

    private IResult WeChatToken(HttpRequest request)
    {
        var q = request.Query;
        var secret = q["appid"] == WebsiteAppId ? WebsiteSecret : q["appid"] == OfficialAppId ? OfficialSecret : null;
        if (secret is null)
        {
            return WeChat(new { errcode = 40013, errmsg = "invalid appid" });
        }

        if (q["secret"] != secret)
        {
            return WeChat(new { errcode = 40125, errmsg = "invalid appsecret" });
        }

        if (q["grant_type"] != "authorization_code" || !_codes.TryGetValue(q["code"].ToString(), out var grant) || grant.AppId != q["appid"])
        {
            return WeChat(new { errcode = 40029, errmsg = "invalid code" });
        }

        if (Interlocked.Exchange(ref grant.Used, 1) == 1)
        {
            return WeChat(new { errcode = 40163, errmsg = "code been used" });
        }

        var token = Guid.NewGuid().ToString("N");
        _tokens[token] = grant;
        var openId = Snapshot ? "o_snapshot_visitor" : OpenId(grant.AppId, grant.Person);
        var body = new Dictionary<string, object> { ["access_token"] = token, ["expires_in"] = 7200, ["refresh_token"] = "r" + token, ["openid"] = openId, ["scope"] = grant.Scope };
        if (grant.Scope != "snsapi_base" && grant.Person.UnionId is { } unionId)
        {
            body["unionid"] = unionId;
        }

        if (Snapshot)
        {
            body["is_snapshotuser"] = 1;
        }

        return WeChat(body);
    }

    private IResult WeChatUserInfo(HttpRequest request)
    {
        var q = request.Query;
        if (!_tokens.TryGetValue(q["access_token"].ToString(), out var grant) || grant.Scope == "snsapi_base" || q["openid"] != OpenId(grant.AppId, grant.Person))
        {
            return WeChat(new { errcode = 40001, errmsg = "invalid credential, access_token is invalid or not latest" });
        }

        var p = grant.Person;
        var body = new Dictionary<string, object>
        {
            ["openid"] = OpenId(grant.AppId, p), ["nickname"] = p.Nickname, ["sex"] = 0, ["province"] = "", ["city"] = "", ["country"] = "",
            ["headimgurl"] = "https://thirdwx.qlogo.cn/mmopen/fake/132", ["privilege"] = Array.Empty<string>(),
        };
        if (p.UnionId is { } unionId)
        {
            body["unionid"] = unionId;
        }

        return WeChat(body);
    }

    private async Task<IResult> Gateway(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        var content = string.Join('&', parameters.Where(p => p.Key != "sign" && p.Value.Length > 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        var signature = Convert.FromBase64String(parameters.GetValueOrDefault("sign") ?? "");
        if (parameters.GetValueOrDefault("app_id") != AlipayAppId || parameters.GetValueOrDefault("sign_type") != "RSA2"
            || !AppKey.VerifyData(Encoding.UTF8.GetBytes(content), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            Interlocked.Increment(ref BadlySignedRequests);
            return AlipayAnswer("error_response", new { code = "40002", msg = "Invalid Arguments", sub_code = "isv.invalid-signature", sub_msg = "验签出错" });
        }

        var method = parameters.GetValueOrDefault("method");
        if (method == "alipay.system.oauth.token")
        {
            if (parameters.GetValueOrDefault("grant_type") != "authorization_code" || !_codes.TryGetValue(parameters.GetValueOrDefault("code") ?? "", out var grant)
                || Interlocked.Exchange(ref grant.Used, 1) == 1)
            {
                return AlipayAnswer("error_response", new { code = "40002", msg = "Invalid Arguments", sub_code = "isv.code-invalid", sub_msg = "授权码code无效" });
            }

            var token = "authusrB" + Guid.NewGuid().ToString("N");
            _tokens[token] = grant;
            var answer = new Dictionary<string, object> { ["access_token"] = token, ["expires_in"] = 1296000, ["refresh_token"] = "authusrR" + token, ["re_expires_in"] = 2592000, ["auth_start"] = "2026-12-03 18:00:00" };
            answer[AlipayOpenId ? "open_id" : "user_id"] = AlipayOpenId ? "074a" + grant.Person.Id : grant.Person.AlipayUserId;
            return AlipayAnswer("alipay_system_oauth_token_response", answer);
        }

        if (method == "alipay.user.info.share" && _tokens.TryGetValue(parameters.GetValueOrDefault("auth_token") ?? "", out var holder))
        {
            var answer = new Dictionary<string, object> { ["code"] = "10000", ["msg"] = "Success", ["nick_name"] = holder.Person.Nickname, ["avatar"] = "https://tfs.alipayobjects.com/images/partner/fake" };
            answer[AlipayOpenId ? "open_id" : "user_id"] = AlipayOpenId ? "074a" + holder.Person.Id : holder.Person.AlipayUserId;
            return AlipayAnswer("alipay_user_info_share_response", answer);
        }

        return AlipayAnswer("error_response", new { code = "40001", msg = "Missing Required Arguments", sub_code = "isv.missing-method", sub_msg = "缺少方法名参数" });
    }

    // Alipay signs the answer's JSON text exactly as it is sent, Chinese unescaped.
    private IResult AlipayAnswer(string node, object answer)
    {
        var json = JsonSerializer.Serialize(answer, Raw);
        using var signer = BadSignature ? RSA.Create(2048) : null;
        var sign = Convert.ToBase64String((signer ?? AlipayKey).SignData(Encoding.UTF8.GetBytes(json), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return Results.Text($"{{\"{node}\":{json},\"sign\":\"{sign}\"}}", "text/html;charset=utf-8", Encoding.UTF8);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        AppKey.Dispose();
        AlipayKey.Dispose();
    }

    private sealed class Grant(FakePerson person, string appId, string scope)
    {
        public int Used;

        public FakePerson Person { get; } = person;

        public string AppId { get; } = appId;

        public string Scope { get; } = scope;
    }
}

/// <summary>Someone with a WeChat and an Alipay account.</summary>
public sealed record FakePerson(string Id, string? UnionId, string Nickname, string AlipayUserId);
