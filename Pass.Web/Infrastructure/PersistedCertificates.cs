using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pass.Web.Infrastructure;

/// <summary>
/// OpenIddict's signing and encryption certificates, made once and kept in the data folder so that
/// tokens issued before a restart stay readable after it.
/// </summary>
public static class PersistedCertificates
{
    public static X509Certificate2 LoadOrCreate(string keysPath, string name, X509KeyUsageFlags usage, TimeProvider time)
    {
        var file = Path.Combine(keysPath, name + ".pfx");
        if (!File.Exists(file))
        {
            PrivateFile.WriteOnce(file, Create(name, usage, time));
        }

        return Load(File.ReadAllBytes(file));
    }

    /// <summary>A new self-signed RSA certificate for <paramref name="usage"/>, as PKCS#12 bytes.</summary>
    public static byte[] Create(string name, X509KeyUsageFlags usage, TimeProvider time)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Pass {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        var now = time.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-30), now.AddYears(10));
        return created.Export(X509ContentType.Pkcs12);
    }

    public static X509Certificate2 Load(byte[] pkcs12) => X509CertificateLoader.LoadPkcs12(pkcs12, password: null, X509KeyStorageFlags.EphemeralKeySet);
}
