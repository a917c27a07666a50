using Microsoft.Net.Http.Headers;

namespace Pass.Web.Oauth;

/// <summary>Reads RFC 6750 §2.1 <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
public static class BearerToken
{
    public static string? From(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization];
        if (header.Count != 1 || header[0] is not { } value)
        {
            return null;
        }

        const string scheme = "Bearer ";
        if (value.Length <= scheme.Length || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = value.AsSpan(scheme.Length).Trim();
        return token.IsEmpty || token.ContainsAny(' ', ',') ? null : token.ToString();
    }
}
