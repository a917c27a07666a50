using System.Security.Cryptography;
using System.Text;

namespace Pass.Web.Channels;

/// <summary>
/// Alipay's RSA2 keys as administrators paste them: PEM, or the bare base64 Alipay's key tool gives (PKCS#8 or PKCS#1
/// private keys, SubjectPublicKeyInfo public keys). A key shorter than 2048 bits is refused, as Alipay refuses it.
/// </summary>
public static class AlipayKeys
{
    public const int MinimumBits = 2048;

    public static RSA? PrivateKey(string? text) => Import(text, (rsa, der) =>
    {
        try
        {
            rsa.ImportPkcs8PrivateKey(der, out _);
        }
        catch (CryptographicException)
        {
            rsa.ImportRSAPrivateKey(der, out _);
        }
    }, isPrivate: true);

    public static RSA? PublicKey(string? text) => Import(text, (rsa, der) =>
    {
        try
        {
            rsa.ImportSubjectPublicKeyInfo(der, out _);
        }
        catch (CryptographicException)
        {
            rsa.ImportRSAPublicKey(der, out _);
        }
    }, isPrivate: false);

    /// <summary>The public half of an application private key, as the bare base64 Alipay's console asks for.</summary>
    public static string? PublicHalf(string? privateKey)
    {
        using var rsa = PrivateKey(privateKey);
        return rsa is null ? null : Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>A short, stable name of a key for the page: SHA-256 of its public half, first 8 bytes in hex.</summary>
    public static string? Fingerprint(string? key)
    {
        using var rsa = PrivateKey(key) ?? PublicKey(key);
        return rsa is null ? null : "SHA256:" + Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 8)).ToLowerInvariant();
    }

    /// <summary>A new application key pair, as PKCS#8 base64.</summary>
    public static string NewPrivateKey()
    {
        using var rsa = RSA.Create(MinimumBits);
        return Convert.ToBase64String(rsa.ExportPkcs8PrivateKey());
    }

    public static string Sign(RSA key, string content) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA key, string content, string? signature)
    {
        var bytes = new byte[512];
        return signature is not null && Convert.TryFromBase64String(signature, bytes, out var length)
            && key.VerifyData(Encoding.UTF8.GetBytes(content), bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static RSA? Import(string? text, Action<RSA, byte[]> importDer, bool isPrivate)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 8000)
        {
            return null;
        }

        var rsa = RSA.Create();
        try
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith("-----", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(trimmed);
            }
            else
            {
                importDer(rsa, Convert.FromBase64String(string.Concat(trimmed.Where(c => !char.IsWhiteSpace(c)))));
            }

            // A public key pasted where the private key goes imports, but cannot sign; a private key pasted where a public
            // key goes would be kept unencrypted, so it is refused too.
            if (rsa.KeySize < MinimumBits || isPrivate != HasPrivatePart(rsa))
            {
                rsa.Dispose();
                return null;
            }

            return rsa;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            rsa.Dispose();
            return null;
        }
    }

    private static bool HasPrivatePart(RSA rsa)
    {
        try
        {
            rsa.ExportParameters(includePrivateParameters: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
