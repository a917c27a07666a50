using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Pass.Shared.Clients;
using Pass.Web.Data;

namespace Pass.Web.Clients;

/// <summary>
/// The origins enabled single-page apps run on, each with the clients registered for it: read from the client store
/// once and again after any client changes (this node's registry says so). CORS and the token endpoint's origin
/// check ask here on every browser request, so it is a dictionary lookup.
/// </summary>
public sealed class SpaOrigins(IServiceScopeFactory scopes)
{
    private volatile Task<IReadOnlyDictionary<string, IReadOnlySet<string>>>? _origins;

    public void Forget() => _origins = null;

    /// <summary>The clients that run on this origin (as a browser sends it); empty when none.</summary>
    public async Task<IReadOnlySet<string>> ClientsOnAsync(string origin)
    {
        var origins = await (_origins ??= LoadAsync());
        return origins.TryGetValue(origin, out var clients) ? clients : EmptySet;
    }

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    private async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var db = scope.ServiceProvider.GetRequiredService<PassDbContext>();
        var disabled = (await db.ClientProfiles.AsNoTracking().Where(p => p.IsDisabled).Select(p => p.ClientId).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await foreach (var app in applications.ListAsync(count: null, offset: null))
        {
            var clientId = (await applications.GetClientIdAsync(app))!;
            if (disabled.Contains(clientId))
            {
                continue;
            }

            foreach (var origin in ClientAddresses.Of(await applications.GetPropertiesAsync(app)).Origins)
            {
                if (Origins.Normalize(origin) is { } normalized)
                {
                    (map.TryGetValue(normalized, out var set) ? set : map[normalized] = new HashSet<string>(StringComparer.Ordinal)).Add(clientId);
                }
            }
        }

        return map.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }
}
