using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Pass.Shared.Cards;
using Pass.Shared.Clients;
using Pass.Shared.Kiosk;
using Pass.Shared.Oauth;
using Pass.Web.Data;
using Pass.Web.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Clients;

/// <summary>OAuth clients: OpenIddict's application plus Pass's <see cref="ClientProfile"/>.</summary>
public sealed class ClientRegistry(
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    PassDbContext db,
    SpaOrigins origins,
    TimeProvider time)
{
    public async Task<ClientSecretResponse> RegisterAsync(
        string displayName, IEnumerable<string> grants, CardReaderFormat? readerFormat,
        string? clientId = null, string? clientSecret = null, CancellationToken ct = default,
        IReadOnlyList<string>? redirectUris = null, bool requireConsent = true, bool mayIntrospect = false,
        ClientType type = ClientType.Confidential, ClientAddresses? addresses = null, IReadOnlyList<string>? postLogoutRedirectUris = null,
        IReadOnlyList<string>? permissions = null)
    {
        clientId ??= Secrets.NewClientId();
        var isPublic = type != ClientType.Confidential;
        clientSecret = isPublic ? null : clientSecret ?? Secrets.NewToken();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = isPublic ? ClientTypes.Public : ClientTypes.Confidential,
            ApplicationType = type == ClientType.Native ? ApplicationTypes.Native : ApplicationTypes.Web,
            DisplayName = displayName,
        };
        SetGrants(descriptor, grants, mayIntrospect && !isPublic, isPublic ? [] : permissions ?? []);
        SetSignIn(descriptor, redirectUris, postLogoutRedirectUris, requireConsent);
        (addresses ?? ClientAddresses.None).WriteTo(descriptor.Properties);
        await applications.CreateAsync(descriptor, ct);
        db.ClientProfiles.Add(new ClientProfile { ClientId = clientId, ReaderFormat = readerFormat, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        origins.Forget();
        return new ClientSecretResponse(clientId, clientSecret);
    }

    /// <summary>
    /// Pass's own kiosk client: public (a browser page keeps no secret), allowed only the device authorization
    /// endpoint and the device code grant. Administrators may switch it off, not change it.
    /// </summary>
    public async Task EnsureKioskAsync(CancellationToken ct = default)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = KioskClient.ClientId,
            ClientType = ClientTypes.Public,
            DisplayName = KioskClient.DisplayName,
            Permissions = { Permissions.Endpoints.DeviceAuthorization, Permissions.Endpoints.Token, Permissions.GrantTypes.DeviceCode },
        };
        if (await applications.FindByClientIdAsync(KioskClient.ClientId, ct) is { } app)
        {
            await applications.UpdateAsync(app, descriptor, ct);
        }
        else
        {
            await applications.CreateAsync(descriptor, ct);
        }

        await ProfileAsync(KioskClient.ClientId, ct);
        await db.SaveChangesAsync(ct);
    }

    public static bool IsBuiltIn(string clientId) => clientId == KioskClient.ClientId;

    /// <summary>Creates or updates a client from <c>Pass:Clients</c>; a configured secret replaces the stored one.</summary>
    public async Task UpsertAsync(ConfiguredClient client, CancellationToken ct = default)
    {
        var displayName = client.DisplayName ?? client.ClientId;
        var addresses = new ClientAddresses(client.Origins, client.BackchannelLogoutUri, client.FrontchannelLogoutUri);
        if (await applications.FindByClientIdAsync(client.ClientId, ct) is not { } app)
        {
            await RegisterAsync(displayName, client.Grants, client.ReaderFormat, client.ClientId, client.ClientSecret ?? Secrets.NewToken(), ct,
                client.RedirectUris, client.RequireConsent, client.MayIntrospect, client.Type, addresses, client.PostLogoutRedirectUris, client.Permissions);
            return;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, app, ct);
        descriptor.DisplayName = displayName;
        var confidential = client.Type == ClientType.Confidential;
        SetGrants(descriptor, client.Grants, client.MayIntrospect && confidential, confidential ? client.Permissions : []);
        SetSignIn(descriptor, client.RedirectUris, client.PostLogoutRedirectUris, client.RequireConsent);
        addresses.WriteTo(descriptor.Properties);
        if (client.Type == ClientType.Confidential)
        {
            descriptor.ClientSecret = client.ClientSecret;
        }

        await applications.UpdateAsync(app, descriptor, ct);
        var profile = await ProfileAsync(client.ClientId, ct);
        profile.ReaderFormat = client.ReaderFormat;
        await db.SaveChangesAsync(ct);
        origins.Forget();
    }

    public async Task<ClientSecretResponse?> RotateSecretAsync(string clientId, CancellationToken ct = default)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } app)
        {
            return null;
        }

        var secret = Secrets.NewToken();
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, app, ct);
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(app, descriptor, ct);
        return new ClientSecretResponse(clientId, secret);
    }

    public async Task<ClientSummary?> UpdateAsync(string clientId, UpdateClientRequest request, CancellationToken ct = default)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } app)
        {
            return null;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, app, ct);
        if (!string.IsNullOrWhiteSpace(request.DisplayName))
        {
            descriptor.DisplayName = request.DisplayName.Trim();
        }

        var isPublic = descriptor.ClientType == ClientTypes.Public;
        SetGrants(descriptor, request.Grants ?? GrantsOf(descriptor.Permissions),
            !isPublic && (request.MayIntrospect ?? descriptor.Permissions.Contains(PassPermissions.IntrospectAny)),
            isPublic ? [] : request.Permissions ?? ApiPermissionsOf(descriptor.Permissions));
        var redirects = descriptor.RedirectUris.Select(u => u.OriginalString).ToList();
        SetSignIn(descriptor,
            request.RedirectUris ?? redirects,
            request.PostLogoutRedirectUris ?? [.. descriptor.PostLogoutRedirectUris.Select(u => u.OriginalString).Except(redirects)],
            request.RequireConsent ?? descriptor.ConsentType != ConsentTypes.Implicit);
        var current = ClientAddresses.Of(descriptor.Properties);
        new ClientAddresses(
            request.Origins ?? current.Origins,
            request.BackchannelLogoutUri is null ? current.BackchannelUri : NullIfEmpty(request.BackchannelLogoutUri),
            request.FrontchannelLogoutUri is null ? current.FrontchannelUri : NullIfEmpty(request.FrontchannelLogoutUri)).WriteTo(descriptor.Properties);

        await applications.UpdateAsync(app, descriptor, ct);
        var profile = await ProfileAsync(clientId, ct);
        profile.ReaderFormat = request.ReaderFormat ?? profile.ReaderFormat;
        await db.SaveChangesAsync(ct);
        origins.Forget();
        return await FindAsync(clientId, ct);
    }

    /// <summary>Switches a client off (every token it holds is revoked) or back on.</summary>
    public async Task<bool> SetDisabledAsync(string clientId, bool disabled, CancellationToken ct = default)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } app)
        {
            return false;
        }

        var profile = await ProfileAsync(clientId, ct);
        profile.IsDisabled = disabled;
        await db.SaveChangesAsync(ct);
        origins.Forget();
        if (disabled)
        {
            await tokens.RevokeByApplicationIdAsync((await applications.GetIdAsync(app, ct))!, ct);
        }

        return true;
    }

    public async Task<ClientProfile?> FindProfileAsync(string clientId, CancellationToken ct = default) =>
        await db.ClientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ClientId == clientId, ct);

    public async Task<ClientSummary?> FindAsync(string clientId, CancellationToken ct = default) =>
        await applications.FindByClientIdAsync(clientId, ct) is { } app ? await SummarizeAsync(app, ct) : null;

    public async Task<IReadOnlyList<ClientSummary>> ListAsync(CancellationToken ct = default)
    {
        // Read the applications first: PostgreSQL runs one command at a time per connection, so each summary's own
        // queries cannot run while the list is still being read (SQLite allowed it).
        var apps = new List<object>();
        await foreach (var app in applications.ListAsync(count: null, offset: null, ct))
        {
            apps.Add(app);
        }

        var list = new List<ClientSummary>(apps.Count);
        foreach (var app in apps)
        {
            list.Add(await SummarizeAsync(app, ct));
        }

        return list.OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<string?> DisplayNameAsync(string clientId, CancellationToken ct = default) =>
        await applications.FindByClientIdAsync(clientId, ct) is { } app ? await applications.GetDisplayNameAsync(app, ct) : null;

    private async Task<ClientSummary> SummarizeAsync(object app, CancellationToken ct)
    {
        var clientId = (await applications.GetClientIdAsync(app, ct))!;
        var permissions = await applications.GetPermissionsAsync(app, ct);
        var grants = permissions
            .Where(p => p.StartsWith(Permissions.Prefixes.GrantType, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.GrantType.Length..])
            .ToList();
        var profile = await FindProfileAsync(clientId, ct);
        var redirects = await applications.GetRedirectUrisAsync(app, ct);
        var addresses = ClientAddresses.Of(await applications.GetPropertiesAsync(app, ct));
        return new ClientSummary(clientId, await applications.GetDisplayNameAsync(app, ct) ?? clientId, grants,
            profile?.ReaderFormat, profile?.IsDisabled ?? false, IsBuiltIn(clientId),
            [.. redirects], await applications.GetConsentTypeAsync(app, ct) != ConsentTypes.Implicit,
            await TypeOfAsync(app, ct), addresses.Origins, addresses.BackchannelUri, addresses.FrontchannelUri,
            permissions.Contains(PassPermissions.IntrospectAny),
            [.. (await applications.GetPostLogoutRedirectUrisAsync(app, ct)).Except(redirects)],
            ApiPermissionsOf(permissions));
    }

    private async Task<ClientProfile> ProfileAsync(string clientId, CancellationToken ct)
    {
        var profile = await db.ClientProfiles.FirstOrDefaultAsync(p => p.ClientId == clientId, ct);
        if (profile is null)
        {
            profile = new ClientProfile { ClientId = clientId, CreatedAt = time.GetUtcNow() };
            db.ClientProfiles.Add(profile);
        }

        return profile;
    }

    public static bool IsKnownGrant(string grant) => PassGrantTypes.All.Contains(grant);

    public async Task<ClientType> TypeOfAsync(object app, CancellationToken ct = default) =>
        !await applications.HasClientTypeAsync(app, ClientTypes.Public, ct) ? ClientType.Confidential
        : await applications.HasApplicationTypeAsync(app, ApplicationTypes.Native, ct) ? ClientType.Native
        : ClientType.Spa;

    private static IReadOnlyList<string> GrantsOf(IEnumerable<string> permissions) =>
        [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.GrantType, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.GrantType.Length..])];

    /// <summary>The API permissions (<see cref="PassPermissions.Api"/>) among an application's permissions, by their names.</summary>
    private static IReadOnlyList<string> ApiPermissionsOf(IEnumerable<string> permissions) =>
        [.. permissions.Where(p => p.StartsWith(PassPermissions.ApiPrefix, StringComparison.Ordinal)).Select(p => p[PassPermissions.ApiPrefix.Length..])];

    /// <summary>Whether the client may call what <paramref name="permission"/> (one of <see cref="PassPermissions.Api"/>) opens.</summary>
    public async Task<bool> HasPermissionAsync(string clientId, string permission, CancellationToken ct = default) =>
        await applications.FindByClientIdAsync(clientId, ct) is { } app && await applications.HasPermissionAsync(app, PassPermissions.ApiPrefix + permission, ct);

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();


    private static void SetGrants(OpenIddictApplicationDescriptor descriptor, IEnumerable<string> grants, bool mayIntrospect, IEnumerable<string> apiPermissions)
    {
        descriptor.Permissions.Clear();
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Token,
            Permissions.Endpoints.Revocation,
            Permissions.Endpoints.Introspection,
            Permissions.Scopes.Profile,
            Permissions.Scopes.Email,
            Permissions.Scopes.Phone,
        ]);
        if (mayIntrospect)
        {
            descriptor.Permissions.Add(PassPermissions.IntrospectAny);
        }

        foreach (var permission in apiPermissions.Where(PassPermissions.Api.Contains))
        {
            descriptor.Permissions.Add(PassPermissions.ApiPrefix + permission);
        }

        foreach (var grant in grants.Where(IsKnownGrant))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
        }

        descriptor.Requirements.Clear();
        if (descriptor.Permissions.Contains(Permissions.GrantTypes.AuthorizationCode))
        {
            // "Sign in with Pass": the code flow with PKCE, nothing else (no implicit or hybrid responses).
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession, Permissions.ResponseTypes.Code]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }
    }

    /// <summary>
    /// Where the person may be sent back, where after signing out (the redirect URIs and any others), and whether they
    /// are asked to consent.
    /// </summary>
    private static void SetSignIn(OpenIddictApplicationDescriptor descriptor, IEnumerable<string>? redirectUris, IEnumerable<string>? postLogoutUris,
        bool requireConsent)
    {
        descriptor.RedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.Clear();
        foreach (var uri in (redirectUris ?? []).Distinct(StringComparer.Ordinal))
        {
            descriptor.RedirectUris.Add(new Uri(uri));
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in (postLogoutUris ?? []).Distinct(StringComparer.Ordinal))
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        descriptor.ConsentType = requireConsent ? ConsentTypes.Explicit : ConsentTypes.Implicit;
    }
}
