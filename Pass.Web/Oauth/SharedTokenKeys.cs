using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

namespace Pass.Web.Oauth;

/// <summary>
/// The token keys from the shared database, read when the OAuth server's options are first built (after the migration):
/// the first node to start writes them, the others read the same ones. OpenIddict's own builder turns them into
/// credentials, so the algorithms are the ones it picks for keys in a folder.
/// </summary>
public sealed class SharedTokenKeys(SharedKeyStore store, TimeProvider time) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        var scratch = new ServiceCollection();
        TokenKeys.AddTo(
            new OpenIddictServerBuilder(scratch),
            (name, usage) => PersistedCertificates.Load(store.LoadOrCreate(name + ".pfx", () => PersistedCertificates.Create(name, usage, time))),
            name => store.LoadOrCreate(name + ".key", PersistedKeys.Create));
        using var built = scratch.BuildServiceProvider();
        foreach (var credentials in built.GetServices<IConfigureOptions<OpenIddictServerOptions>>())
        {
            credentials.Configure(options);
        }
    }
}
