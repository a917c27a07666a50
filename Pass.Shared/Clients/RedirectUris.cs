namespace Pass.Shared.Clients;

/// <summary>
/// Where "Sign in with Pass" may send a person back: compared exactly (RFC 9700 §4.1.3), so each must be a whole
/// address — https, or http on this machine for development — without a fragment or credentials.
/// </summary>
public static class RedirectUris
{
    public const int MaxLength = 2000;

    /// <summary>Why the address cannot be a redirect URI, or null when it can.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            return "A redirect URI is a whole https address of at most 2000 characters.";
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return $"'{value}' is not an absolute http(s) address.";
        }

        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            return $"'{value}' must use https (plain http is allowed only on 127.0.0.1, [::1] or localhost).";
        }

        if (value.Contains('#') || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return $"'{value}' may not have a fragment (#) or credentials.";
        }

        return null;
    }
}
