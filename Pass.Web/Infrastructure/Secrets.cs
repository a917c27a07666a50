using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Pass.Web.Infrastructure;

/// <summary>Random secrets and their stored hashes. A secret is never stored or logged, only its hash.</summary>
public static class Secrets
{
    /// <summary>256 bits of randomness, base64url (43 characters).</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>128 bits, base64url (22 characters): the seed's client id shape.</summary>
    public static string NewClientId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    /// <summary>A password that meets Identity's default rules, for the first administrator and resets.</summary>
    public static string NewPassword() => "Pw-" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12)) + "a1";

    /// <summary>SHA-256 as upper-case hex: the form in which Pass stores one-time codes.</summary>
    public static string Hash(string secret)
    {
        Span<byte> digest = stackalloc byte[32];
        var length = Encoding.UTF8.GetByteCount(secret);
        byte[]? rented = null;
        var input = length <= 512 ? stackalloc byte[length] : (rented = new byte[length]);
        Encoding.UTF8.GetBytes(secret, input);
        SHA256.HashData(input, digest);
        return Convert.ToHexString(digest);
    }
}
