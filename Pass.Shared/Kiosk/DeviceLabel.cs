namespace Pass.Shared.Kiosk;

/// <summary>
/// What a person approving a kiosk sign-in is told about the device: the name the kiosk was set up with, else its
/// browser and system read from the User-Agent. Only shown, never trusted.
/// </summary>
public static class DeviceLabel
{
    public const int MaxLength = 64;

    public static string Describe(string? configuredName, string? userAgent) =>
        Clean(configuredName) is { Length: > 0 } name ? name : FromUserAgent(userAgent);

    public static string FromUserAgent(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        var browser = userAgent switch
        {
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("OPR/", StringComparison.Ordinal) => "Opera",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => "Browser",
        };
        var system = userAgent switch
        {
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("Mac OS X", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("CrOS", StringComparison.Ordinal) => "ChromeOS",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        return system is null ? browser : $"{browser} on {system}";
    }

    /// <summary>Keeps printable characters, collapses white space, and cuts at <see cref="MaxLength"/>.</summary>
    public static string? Clean(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var kept = new string([.. name.Where(c => !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\u200B' or '\u200E' or '\u200F' or '\u202E'))]);
        var collapsed = string.Join(' ', kept.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length > MaxLength ? collapsed[..MaxLength] : collapsed;
    }
}
