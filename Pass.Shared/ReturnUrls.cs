namespace Pass.Shared;

/// <summary>
/// Where a page sends a person back to (a sign-in's, a language switch's, access denied's return address): only a
/// place on this site. A browser reads "//host" and "/\host" as another site; an absolute address is another site.
/// </summary>
public static class ReturnUrls
{
    /// <summary>A path from this site's root ("/admin?x=1").</summary>
    public static bool IsLocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    /// <summary>A local path, or a relative one ("Account/Manage") as the account pages write them; anything else is home.</summary>
    public static string LocalOrHome(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return "/";
        }

        var local = uri[0] == '/' ? IsLocalPath(uri) : uri[0] != '\\';
        return local && Uri.IsWellFormedUriString(uri, UriKind.Relative) ? uri : "/";
    }
}
