using Pass.Shared.Problems;

namespace Pass.Shared.Channels;

/// <summary>What a channel's settings must be, checked the same on the page and by the API.</summary>
public static class ChannelRules
{
    public const string SnsapiBase = "snsapi_base";
    public const string SnsapiUserInfo = "snsapi_userinfo";
    public const int MaxAppIdLength = 64;

    public static IReadOnlyList<string> Scopes { get; } = [SnsapiBase, SnsapiUserInfo];

    /// <summary>The fields that break a rule; empty when the request may be saved.</summary>
    /// <param name="secretStored">A secret is already stored, so the request may leave it out.</param>
    /// <param name="providerKeyStored">Alipay's public key is already stored.</param>
    public static Dictionary<string, CodedProblem[]> Check(ChannelKind kind, UpdateChannelRequest request, bool secretStored, bool providerKeyStored)
    {
        var problems = new Dictionary<string, CodedProblem[]>();
        var appId = request.AppId?.Trim();
        if (!string.IsNullOrEmpty(appId) && !IsAppId(kind, appId))
        {
            problems[Field(nameof(request.AppId))] = [ProblemCode.ChannelAppIdInvalid];
        }

        if (kind != ChannelKind.Alipay && !string.IsNullOrEmpty(request.Secret) && !IsWeChatSecret(request.Secret.Trim()))
        {
            problems[Field(nameof(request.Secret))] = [ProblemCode.ChannelSecretInvalid];
        }

        if (kind == ChannelKind.WeChatOfficialAccount && request.Scope is not null && !Scopes.Contains(request.Scope))
        {
            problems[Field(nameof(request.Scope))] = [ProblemCode.ChannelScopeUnknown];
        }

        // Each field an enabled channel still needs says so under itself.
        if (request.Enabled && problems.Count == 0)
        {
            foreach (var missing in Missing(kind, appId, secretStored || !string.IsNullOrEmpty(request.Secret), providerKeyStored || !string.IsNullOrEmpty(request.ProviderPublicKey)))
            {
                problems[Field(missing)] = [ProblemCode.ChannelIncomplete];
            }
        }

        return problems;
    }

    /// <summary>What an enabled channel still needs, by field name.</summary>
    public static List<string> Missing(ChannelKind kind, string? appId, bool secret, bool providerKey)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(appId))
        {
            missing.Add(nameof(UpdateChannelRequest.AppId));
        }

        if (!secret)
        {
            missing.Add(nameof(UpdateChannelRequest.Secret));
        }

        if (kind == ChannelKind.Alipay && !providerKey)
        {
            missing.Add(nameof(UpdateChannelRequest.ProviderPublicKey));
        }

        return missing;
    }

    /// <summary>WeChat's AppIDs are <c>wx</c> and 16 letters or digits; Alipay's APPIDs are 16 digits (older ones fewer).</summary>
    public static bool IsAppId(ChannelKind kind, string value) => kind == ChannelKind.Alipay
        ? value.Length is >= 8 and <= 32 && value.All(char.IsAsciiDigit)
        : value.Length == 18 && value.StartsWith("wx", StringComparison.Ordinal) && value.All(char.IsAsciiLetterOrDigit);

    private static bool IsWeChatSecret(string value) => value.Length is >= 16 and <= 128 && value.All(char.IsAsciiLetterOrDigit);

    /// <summary>A field's name as the API's error bodies name it (camelCase, as the JSON it came in).</summary>
    public static string Field(string property) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property);

    /// <summary>The last four characters of a secret, the rest hidden.</summary>
    public static string Hint(string secret) => secret.Length <= 4 ? "••••" : "••••" + secret[^4..];
}
