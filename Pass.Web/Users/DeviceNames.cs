namespace Pass.Web.Users;

/// <summary>A browser's User-Agent as a person reads it in a notice: "Chrome on Windows", "WeChat on Android".</summary>
public static class DeviceNames
{
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("MicroMessenger", "WeChat"), ("AlipayClient", "Alipay"), ("Edg/", "Edge"), ("Firefox/", "Firefox"), ("CriOS", "Chrome"),
        ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"), ("CrOS", "ChromeOS"), ("Mac OS X", "macOS"), ("Linux", "Linux"),
    ];

    public const string Unknown = "an unknown browser";

    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Unknown;
        }

        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (null, null) => Unknown,
            (null, { } os) => "a browser on " + os,
            ({ } name, null) => name,
            ({ } name, { } os) => name + " on " + os,
        };
    }
}
