using System.Security.Cryptography;

namespace Pass.Web.Infrastructure;

/// <summary>
/// 256-bit keys for what only Pass itself reads: OpenIddict signs and encrypts its (reference) access and refresh
/// tokens with symmetric keys when it has them, which costs microseconds where RSA costs a millisecond per token.
/// Identity tokens, which others verify, stay RSA-signed (the certificate of PersistedCertificates, published in the JWKS).
/// </summary>
public static class PersistedKeys
{
    public static byte[] LoadOrCreate(string keysPath, string name)
    {
        var file = Path.Combine(keysPath, name + ".key");
        if (!File.Exists(file))
        {
            PrivateFile.WriteOnce(file, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(Create())));
        }

        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }

    public static byte[] Create() => RandomNumberGenerator.GetBytes(32);
}
