using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;

namespace Pass.Web.Channels;

/// <summary>
/// The <c>state</c> a Chinese provider carries back: WeChat takes at most 128 bytes of [a-zA-Z0-9], Alipay 100, and the
/// ASP.NET Core state (the protected sign-in properties) is longer and has '-' and '_'. So the provider gets 32 random
/// hex digits, and the protected properties wait in a short-lived cookie named after them, which only this browser has.
/// </summary>
public static class ChannelState
{
    private const string Prefix = ".Pass.Channel.";
    private const int Length = 32;

    public static string Save(HttpContext http, ISecureDataFormat<AuthenticationProperties> format, AuthenticationProperties properties, TimeSpan lifetime)
    {
        var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(Length / 2)).ToLowerInvariant();
        http.Response.Cookies.Append(Prefix + state, format.Protect(properties), Options(http, lifetime));
        return state;
    }

    /// <summary>The properties saved for <paramref name="state"/>, once: the cookie is removed as it is read.</summary>
    public static AuthenticationProperties? Take(HttpContext http, ISecureDataFormat<AuthenticationProperties> format, string? state)
    {
        if (state is not { Length: Length } || !state.All(char.IsAsciiHexDigitLower) || !http.Request.Cookies.TryGetValue(Prefix + state, out var saved))
        {
            return null;
        }

        http.Response.Cookies.Delete(Prefix + state, Options(http, TimeSpan.Zero));
        return format.Unprotect(saved);
    }

    // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
    private static CookieOptions Options(HttpContext http, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        Path = "/",
        MaxAge = lifetime,
    };
}
