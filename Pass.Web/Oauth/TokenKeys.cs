using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;
using Pass.Web.Infrastructure;

namespace Pass.Web.Oauth;

/// <summary>
/// The OAuth server's four keys: RSA certificates for what others verify (id_tokens, the JWKS) and symmetric keys for what
/// only Pass reads (reference tokens, codes), which OpenIddict prefers when present. On SQLite they are files in the data
/// folder (<see cref="AddFromFolder"/>); on PostgreSQL rows in the shared database (<see cref="SharedTokenKeys"/>), so
/// every node of a cluster signs and reads with the same ones.
/// </summary>
public static class TokenKeys
{
    public static void AddTo(OpenIddictServerBuilder server, Func<string, X509KeyUsageFlags, X509Certificate2> certificate, Func<string, byte[]> key) =>
        server.AddSigningCertificate(certificate("signing", X509KeyUsageFlags.DigitalSignature))
            .AddEncryptionCertificate(certificate("encryption", X509KeyUsageFlags.KeyEncipherment))
            .AddSigningKey(new SymmetricSecurityKey(key("token-signing")))
            .AddEncryptionKey(new SymmetricSecurityKey(key("token-encryption")));

    public static void AddFromFolder(OpenIddictServerBuilder server, string keysPath) => AddTo(
        server,
        (name, usage) => PersistedCertificates.LoadOrCreate(keysPath, name, usage, TimeProvider.System),
        name => PersistedKeys.LoadOrCreate(keysPath, name));
}
