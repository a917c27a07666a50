using Pass.Shared.Problems;

namespace Pass.Shared.Clients;

/// <summary>
/// Where "Sign in with Pass" may send a person back: compared exactly (RFC 9700 §4.1.3), so each must be a whole
/// address — https, or http on this machine for development — without a fragment or credentials. A phone or desktop
/// app (RFC 8252 §7) may also return to a private-use scheme named after a domain (<c>cn.example.campus:/callback</c>)
/// or to the loopback interface, where any port matches (the app listens on whichever it got).
/// </summary>
public static class RedirectUris
{
    public const int MaxLength = 2000;

    /// <summary>Why the address cannot be a redirect URI, or null when it can.</summary>
    public static string? Problem(string? value, ClientType type = ClientType.Confidential) => Check(value, type)?.English;

    /// <summary>Why the address cannot be a redirect URI of such a client, as a code, or null when it can.</summary>
    public static CodedProblem? Check(string? value, ClientType type = ClientType.Confidential)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            return ProblemCode.RedirectUriMalformed;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return new CodedProblem(ProblemCode.RedirectUriNotAbsolute, [value]);
        }

        if (value.Contains('#') || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return new CodedProblem(ProblemCode.RedirectUriFragment, [value]);
        }

        if (type == ClientType.Native)
        {
            return uri.Scheme == "https" || IsLoopbackIp(uri) || IsPrivateUseScheme(uri.Scheme)
                ? null
                : new CodedProblem(ProblemCode.RedirectUriNotForApp, [value]);
        }

        if (uri.Scheme is not ("https" or "http"))
        {
            return new CodedProblem(ProblemCode.RedirectUriNotAbsolute, [value]);
        }

        return uri.Scheme == "http" && !uri.IsLoopback ? new CodedProblem(ProblemCode.RedirectUriNotHttps, [value]) : null;
    }

    /// <summary>
    /// RFC 8252 §7.3: an app's registered loopback address (http://127.0.0.1/callback or http://[::1]/callback) matches
    /// the same address on any port; everything else must match exactly.
    /// </summary>
    public static bool MatchesLoopback(string registered, string requested) =>
        Uri.TryCreate(registered, UriKind.Absolute, out var expected) && Uri.TryCreate(requested, UriKind.Absolute, out var actual)
        && IsLoopbackIp(expected) && IsLoopbackIp(actual)
        && string.Equals(expected.Host, actual.Host, StringComparison.OrdinalIgnoreCase)
        && string.Equals(expected.PathAndQuery, actual.PathAndQuery, StringComparison.Ordinal)
        && !requested.Contains('#') && string.IsNullOrEmpty(actual.UserInfo);

    private static bool IsLoopbackIp(Uri uri) => uri.Scheme == "http" && uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && uri.IsLoopback;

    /// <summary>RFC 8252 §7.1: a reverse domain name the app's maker controls, so no other app claims it.</summary>
    private static bool IsPrivateUseScheme(string scheme) =>
        scheme.Contains('.') && scheme is not ("http" or "https") && !scheme.StartsWith('.') && !scheme.EndsWith('.');
}
