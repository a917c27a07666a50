using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pass.Web.Hosting;

/// <summary>
/// OpenIddict's signing and encryption certificates, made once and kept in the data folder so that
/// tokens issued before a restart stay readable after it.
/// </summary>
public static class PersistedCertificates
{
    public static X509Certificate2 LoadOrCreate(string keysPath, string name, X509KeyUsageFlags usage, TimeProvider time)
    {
        var file = Path.Combine(keysPath, name + ".pfx");
        if (File.Exists(file))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(file, password: null, X509KeyStorageFlags.EphemeralKeySet);
        }

        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Pass {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        var now = time.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-30), now.AddYears(10));
        var bytes = created.Export(X509ContentType.Pkcs12);

        PrivateFile.WriteOnce(file, bytes);
        return X509CertificateLoader.LoadPkcs12FromFile(file, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }
}

/// <summary>
/// 256-bit keys for what only Pass itself reads: OpenIddict signs and encrypts its (reference) access and refresh
/// tokens with symmetric keys when it has them, which costs microseconds where RSA costs a millisecond per token.
/// Identity tokens, which others verify, stay RSA-signed (the certificate above, published in the JWKS).
/// </summary>
public static class PersistedKeys
{
    public static byte[] LoadOrCreate(string keysPath, string name)
    {
        var file = Path.Combine(keysPath, name + ".key");
        if (!File.Exists(file))
        {
            PrivateFile.WriteOnce(file, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        }

        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}

/// <summary>A secret file written once, readable by the owner only, whoever of two starting processes wins.</summary>
internal static class PrivateFile
{
    public static void WriteOnce(string file, byte[] bytes)
    {
        // Another process may have won the race to create it; theirs is as good as ours.
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, bytes);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temp, file, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temp);
        }
    }
}
