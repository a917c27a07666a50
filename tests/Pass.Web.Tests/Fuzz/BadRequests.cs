using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests.Fuzz;

/// <summary>Who sends a generated request: the credentials it carries.</summary>
public enum Caller
{
    Anonymous,
    Admin,
    Person,

    /// <summary>The person's cookie without the antiforgery header.</summary>
    PersonWithoutAntiforgery,

    /// <summary>HTTP Basic of a real terminal client.</summary>
    Terminal,

    /// <summary>A live access token of the person.</summary>
    PersonBearer,

    /// <summary>A live access token of the terminal itself (client_credentials), which may look people up.</summary>
    TerminalBearer,

    /// <summary>Made-up Basic or Bearer credentials.</summary>
    Forged,
}

/// <summary>One generated request; printed in full (bodies cut short) when a property fails.</summary>
public sealed record FuzzRequest(string Method, Caller Caller, string PathAndQuery, string? ContentType, byte[]? Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public override string ToString()
    {
        var body = Body is null ? "(none)" : $"{Body.Length} bytes: {Shorten(Encoding.UTF8.GetString(Body))}";
        var headers = string.Join("; ", Headers.Select(h => $"{h.Key}: {Shorten(h.Value)}"));
        return $"{Method} {Shorten(PathAndQuery)} as {Caller}; Content-Type: {ContentType ?? "(none)"}; {headers}; body {body}";
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..300]}…({text.Length} chars)";
}

/// <summary>
/// Generators of hostile requests: random methods, content types and encodings; missing, duplicated and oversized
/// parameters; unicode, control characters and injection strings; real credentials mixed with forged ones.
/// </summary>
public static class BadRequests
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND"];

    private static readonly string[] Nasty =
    [
        "", " ", "null", "undefined", "0", "-1", "2147483648", "-9223372036854775809", "1e400", "NaN", "true", "[]", "{}",
        "' OR '1'='1", "1; DROP TABLE AspNetUsers; --", "\" OR \"\"=\"", "<script>alert(1)</script>", "javascript:alert(1)",
        "../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "\0", "\u0001\u001f\u007f", "\r\nSet-Cookie: x=1",
        "\u202Eevil", "\uFEFF", "😀👍🏽", "中文用户名", "\uD800", "\uFFFF", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "%s%s%n",
        "00000000-0000-0000-0000-000000000000", "04A3B2C1", "04:A3:B2:C1", "13800138000", "+8613800138000",
        "abc.123456", "13800138000.123456", "if_exists", "if_not_exists", "replace", "unused", "used",
        PassGrantTypes.ClientCredentials, PassGrantTypes.Password, PassGrantTypes.AuthorizationCode, PassGrantTypes.RefreshToken,
        PassGrantTypes.DeviceCode, PassGrantTypes.Card, PassGrantTypes.Qr, PassGrantTypes.Sms, "card", "qrcode",
        TestClient.Terminal.ClientId, TestClient.Terminal.Secret, TestClient.Site.ClientId, PassApplication.AdminEmail,
        "openid profile offline_access", "https://site.test/callback", "http://evil.test/", "S256", "plain", "code", "none",
        PassRoles.Admin, PassRoles.Helpdesk, PassRoles.User, "HexUid", "DecimalUid",
    ];

    private static readonly string[] Keys =
    [
        "grant_type", "client_id", "client_secret", "username", "password", "scope", "token", "token_type_hint",
        "refresh_token", "code", "code_verifier", "code_challenge", "code_challenge_method", "redirect_uri", "device_code",
        "session", "card_number", "phone", "title", "abort", "phone_conflict", "access_token", "response_type", "state",
        "nonce", "prompt", "max_age", "id_token_hint", "post_logout_redirect_uri", "email", "displayName", "roles",
        "phoneNumber", "userId", "clientId", "grants", "redirectUris", "requireConsent", "readerFormat", "cardNumber",
        "newCardNumber", "page", "count", "q", "kind", "from", "to", "device", "user_code", "deviceCode", "remember", "sub", "staff_number", "body", "link",
    ];

    private static readonly string?[] ContentTypes =
    [
        null, "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8",
        "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset=bogus",
        "application/json", "application/json; charset=latin1", "application/json; charset=utf-32", "text/plain",
        "application/xml", "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=xyz",
        "*/*", "garbage", "application/x-www-form-urlencoded, application/json", "text/html; charset=\"",
    ];

    private static readonly Gen<string> ShortText = Gen.Frequency(
        (8, Gen.OneOf(Nasty)),
        (4, Gen.String[0, 40]),
        (2, Gen.Char['\0', '\u001f'].Array[1, 12].Select(c => new string(c))),
        (2, Gen.Guid.Select(g => g.ToString())),
        (2, Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>Strings worth sending anywhere a value goes, now and then far longer than any field allows.</summary>
    public static readonly Gen<string> Text = Gen.Frequency((18, ShortText), (1, Gen.Int[1_000, 70_000].Select(n => new string('A', n))));

    /// <summary>Query values: mostly short, since a request line past 8 KB is refused by Kestrel before Pass sees it.</summary>
    private static readonly Gen<string> QueryText = Gen.Frequency((60, ShortText), (1, Gen.Int[1_000, 9_000].Select(n => new string('A', n))));

    private static readonly Gen<string> Key = Gen.Frequency((6, Gen.OneOf(Keys)), (1, ShortText));

    private static readonly Gen<KeyValuePair<string, string>[]> Pairs =
        Gen.Select(Key, Text, KeyValuePair.Create).Array[0, 8];

    private static readonly Gen<byte[]> FormBody = Gen.Select(Pairs, Gen.Bool, (pairs, encoded) => Encoding.UTF8.GetBytes(
        string.Join('&', pairs.Select(p => encoded ? $"{Percent(p.Key)}={Percent(p.Value)}" : $"{p.Key}={p.Value}"))));

    private static readonly Gen<JsonNode?> AnyJson = Gen.Frequency(
        (5, Text.Select(s => (JsonNode?)JsonValue.Create(s))),
        (2, Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d))),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Const((JsonNode?)null)),
        (2, Text.Array[0, 4].Select(a => (JsonNode?)new JsonArray([.. a.Select(s => (JsonNode?)JsonValue.Create(s))]))),
        (1, Gen.Select(Key, Text, (k, v) => (JsonNode?)new JsonObject { [k] = v })));

    private static readonly Gen<byte[]> JsonBody = Gen.Frequency(
        (6, Gen.Select(Key, AnyJson, KeyValuePair.Create).Array[0, 8].Select(fields =>
        {
            var json = new JsonObject();
            foreach (var (key, value) in fields)
            {
                json[key] = value?.DeepClone();
            }

            return Encoding.UTF8.GetBytes(json.ToJsonString());
        })),
        (1, AnyJson.Select(v => Encoding.UTF8.GetBytes(v?.ToJsonString() ?? "null"))),
        (2, Gen.OneOf("{", "{\"a\":}", "{\"email\":\"x\",}", "[1,2", "{\"a\":1}{\"b\":2}", "\"\\uD800\"", "{\"roles\":\"Admin\"}",
            "{\"roles\":[null]}", "{\"grants\":[1,2]}", "{\"displayName\":" + new string('[', 5000) + "}",
            new string('[', 100_000)).Select(Encoding.UTF8.GetBytes)));

    private static readonly Gen<byte[]> MultipartBody = Gen.Select(Pairs, pairs =>
    {
        var text = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            text.Append("--xyz\r\nContent-Disposition: form-data; name=\"").Append(key).Append("\"\r\n\r\n").Append(value).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.Append("--xyz").ToString());
    });

    private static readonly Gen<byte[]?> Body = Gen.Frequency(
        (3, Gen.Const((byte[]?)null)),
        (6, FormBody.Select(b => (byte[]?)b)),
        (4, JsonBody.Select(b => (byte[]?)b)),
        (1, Gen.Byte.Array[0, 2_000].Select(b => (byte[]?)b)),
        (1, MultipartBody.Select(b => (byte[]?)b)),
        (1, Gen.Int[60_000, 1_100_000].Select(n => (byte[]?)Encoding.ASCII.GetBytes("grant_type=password&x=" + new string('x', n)))));

    private static readonly Gen<string> Query = Gen.Select(Gen.Select(Key, QueryText, KeyValuePair.Create).Array[0, 8], Gen.OneOf("", "", "", "&&&==", "%", "%E0%A4%A", "a=%00", "=&="), (pairs, junk) =>
    {
        var query = string.Join('&', pairs.Select(p => $"{Percent(p.Key)}={Percent(p.Value)}"));
        return query.Length + junk.Length == 0 ? "" : "?" + query + junk;
    });

    private static readonly Gen<KeyValuePair<string, string>[]> ExtraHeaders = Gen.Select(
        Gen.OneOf("Accept", "Accept-Language", "Origin", "X-Forwarded-For", "Cookie", "Content-Encoding", "Referer", "X-Requested-With"),
        Text, (name, value) => KeyValuePair.Create(name, HeaderSafe(value))).Array[0, 3];

    private static readonly Gen<Caller> Callers = Gen.Frequency(
        (3, Gen.Const(Caller.Anonymous)), (3, Gen.Const(Caller.Admin)), (2, Gen.Const(Caller.Person)),
        (1, Gen.Const(Caller.PersonWithoutAntiforgery)), (2, Gen.Const(Caller.Terminal)), (2, Gen.Const(Caller.PersonBearer)),
        (2, Gen.Const(Caller.TerminalBearer)), (1, Gen.Const(Caller.Forged)));

    /// <summary>Requests at <paramref name="target"/>; route values are drawn from hostile strings and ids that exist.</summary>
    public static Gen<FuzzRequest> For(FuzzTarget target, IReadOnlyList<string> knownIds)
    {
        var method = Gen.Frequency((8, Gen.OneOf(target.Methods)), (2, Gen.OneOf(Methods)));
        var routeValue = Gen.Frequency(
            (3, Gen.OneOf([.. knownIds])), (2, Gen.Guid.Select(g => g.ToString())), (3, ShortText.Select(Percent)), (1, Gen.Int[100, 3_000].Select(n => new string('A', n))),
            (1, Gen.OneOf("..", "%2F", "%2e%2e", "%252F", "a/b", "%", "%zz")));
        var path = routeValue.Array[4].Select(values =>
        {
            var parts = target.Template.Split('/');
            var next = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].StartsWith('{'))
                {
                    parts[i] = values[next++ % values.Length];
                }
            }

            return string.Join('/', parts);
        });
        return Gen.Select(method, Callers, path, Query, Gen.OneOf(ContentTypes), Body, ExtraHeaders,
            (m, caller, p, q, type, body, headers) => new FuzzRequest(m, caller, p + q, type, body, headers));
    }

    private static string Percent(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>HTTP header values are printable ASCII on the wire (the client refuses anything else before sending).</summary>
    private static string HeaderSafe(string value) =>
        new([.. value.Take(4_000).Select(c => c is >= ' ' and <= '~' ? c : '?')]);
}
