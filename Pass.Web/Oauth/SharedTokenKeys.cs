using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

namespace Pass.Web.Oauth;

/// <summary>
/// The token keys from the shared database: read once at start, right after the migration and before the server listens
/// (the first node to start writes them, the others read the same ones), then handed to the OAuth server's options.
/// OpenIddict's own builder turns them into credentials, so the algorithms are the ones it picks for keys in a folder.
/// </summary>
public sealed class SharedTokenKeys(SharedKeyStore store, TimeProvider time) : IHostedService, IConfigureOptions<OpenIddictServerOptions>
{
    private readonly Dictionary<string, byte[]> _loaded = new(StringComparer.Ordinal);

    public async Task StartAsync(CancellationToken ct)
    {
        foreach (var (name, usage) in new[] { ("signing", X509KeyUsageFlags.DigitalSignature), ("encryption", X509KeyUsageFlags.KeyEncipherment) })
        {
            _loaded[name + ".pfx"] = await store.LoadOrCreateAsync(name + ".pfx", () => PersistedCertificates.Create(name, usage, time), ct);
        }

        foreach (var name in new[] { "token-signing", "token-encryption" })
        {
            _loaded[name + ".key"] = await store.LoadOrCreateAsync(name + ".key", PersistedKeys.Create, ct);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public void Configure(OpenIddictServerOptions options)
    {
        if (_loaded.Count == 0)
        {
            throw new InvalidOperationException("The OAuth server's options were read before the host started: the shared token keys are not loaded yet.");
        }

        var scratch = new ServiceCollection();
        TokenKeys.AddTo(
            new OpenIddictServerBuilder(scratch),
            (name, _) => PersistedCertificates.Load(_loaded[name + ".pfx"]),
            name => _loaded[name + ".key"]);
        using var built = scratch.BuildServiceProvider();
        foreach (var credentials in built.GetServices<IConfigureOptions<OpenIddictServerOptions>>())
        {
            credentials.Configure(options);
        }
    }
}
