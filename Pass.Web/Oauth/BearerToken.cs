using Microsoft.Net.Http.Headers;

namespace Pass.Web.Oauth;

/// <summary>Reads RFC 6750 §2.1 <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
public static class BearerToken
{
    public static string? From(HttpRequest request) => TryRead(request, out var token) ? token.ToString() : null;

    /// <summary>The token as a slice of the header, without a copy (check_token's hot path).</summary>
    public static bool TryRead(HttpRequest request, out ReadOnlySpan<char> token)
    {
        token = default;
        var header = request.Headers[HeaderNames.Authorization];
        if (header.Count != 1 || header[0] is not { } value)
        {
            return false;
        }

        const string scheme = "Bearer ";
        if (value.Length <= scheme.Length || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = value.AsSpan(scheme.Length).Trim();
        return !token.IsEmpty && !token.ContainsAny(' ', ',');
    }
}
