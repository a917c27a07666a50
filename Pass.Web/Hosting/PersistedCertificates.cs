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

        return X509CertificateLoader.LoadPkcs12FromFile(file, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
