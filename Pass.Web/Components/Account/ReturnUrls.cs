namespace Pass.Web.Components.Account;

public static class ReturnUrls
{
    /// <summary>
    /// Prevents open redirects: a path on this site stays (also a relative one), anything else — another site
    /// (https://evil.example/, //evil.example, /\evil.example) or an address that is not one — goes home.
    /// </summary>
    public static string LocalOrHome(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return "/";
        }

        // A browser reads "//host" and "/\\host" as another site; an absolute address is not well formed as a relative one.
        var otherHost = uri.StartsWith("//", StringComparison.Ordinal) || uri.StartsWith("/\\", StringComparison.Ordinal) || uri.StartsWith('\\');
        return !otherHost && Uri.IsWellFormedUriString(uri, UriKind.Relative) ? uri : "/";
    }
}
