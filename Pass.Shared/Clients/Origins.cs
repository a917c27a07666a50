using Pass.Shared.Problems;

namespace Pass.Shared.Clients;

/// <summary>The web origins a single-page app runs on (scheme, host, port), which get CORS on Pass's OAuth endpoints.</summary>
public static class Origins
{
    /// <summary>Why the value is not an origin, as a code, or null when it is.</summary>
    public static CodedProblem? Check(string? value) => Normalize(value) is null ? new CodedProblem(ProblemCode.OriginMalformed, [value ?? ""]) : null;

    /// <summary>The origin as a browser sends it in its Origin header (lower-case, no default port, no slash), or null.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > RedirectUris.MaxLength
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http") || (uri.Scheme == "http" && !uri.IsLoopback)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            || value.Trim().TrimEnd('/').Length < value.Trim().Length - 1)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}
