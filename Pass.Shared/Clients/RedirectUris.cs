using Pass.Shared.Problems;

namespace Pass.Shared.Clients;

/// <summary>
/// Where "Sign in with Pass" may send a person back: compared exactly (RFC 9700 §4.1.3), so each must be a whole
/// address — https, or http on this machine for development — without a fragment or credentials.
/// </summary>
public static class RedirectUris
{
    public const int MaxLength = 2000;

    /// <summary>Why the address cannot be a redirect URI, or null when it can.</summary>
    public static string? Problem(string? value) => Check(value)?.English;

    /// <summary>Why the address cannot be a redirect URI, as a code, or null when it can.</summary>
    public static CodedProblem? Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            return ProblemCode.RedirectUriMalformed;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return new CodedProblem(ProblemCode.RedirectUriNotAbsolute, [value]);
        }

        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            return new CodedProblem(ProblemCode.RedirectUriNotHttps, [value]);
        }

        if (value.Contains('#') || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return new CodedProblem(ProblemCode.RedirectUriFragment, [value]);
        }

        return null;
    }
}
