using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using Pass.Shared.Oauth;

namespace Pass.Web.Oauth;

/// <summary>
/// OpenIddict's token manager with two additions: it files what check_token answers with (scope, client,
/// kind) beside each token, and every revocation it performs marks <see cref="RevocationEpochs"/>, so
/// check_token's memory can never outlive a revocation, whichever path revoked. A new access token's reference id is a
/// tagged one (<see cref="TokenTag"/>), which check_token can tell from garbage without a query.
/// </summary>
public sealed class PassTokenManager(
    IOpenIddictTokenCache<OpenIddictEntityFrameworkCoreToken> cache,
    ILogger<OpenIddictTokenManager<OpenIddictEntityFrameworkCoreToken>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictTokenStore<OpenIddictEntityFrameworkCoreToken> store,
    RevocationEpochs epochs,
    TokenTag tags,
    IServiceProvider services)
    : OpenIddictTokenManager<OpenIddictEntityFrameworkCoreToken>(cache, logger, options, store)
{
    public const string ScopeProperty = "pass_scope";
    public const string ClientIdProperty = "pass_client_id";
    public const string KindProperty = "pass_kind";
    public const string GrantProperty = "pass_grant";

    public override ValueTask PopulateAsync(OpenIddictEntityFrameworkCoreToken token, OpenIddictTokenDescriptor descriptor, CancellationToken cancellationToken = default)
    {
        if (descriptor.Principal is { } principal)
        {
            descriptor.Properties[ScopeProperty] = JsonSerializer.SerializeToElement(string.Join(' ', principal.GetScopes()));
            var clientId = principal.GetPresenters().FirstOrDefault() ?? principal.GetClaim(OpenIddictConstants.Claims.ClientId);
            if (clientId is not null)
            {
                descriptor.Properties[ClientIdProperty] = JsonSerializer.SerializeToElement(clientId);
            }

            if (principal.GetClaim(PassClaims.Kind) is { } kind)
            {
                descriptor.Properties[KindProperty] = JsonSerializer.SerializeToElement(kind);
            }

            if (principal.GetClaim(PassClaims.Grant) is { } grant)
            {
                descriptor.Properties[GrantProperty] = JsonSerializer.SerializeToElement(grant);
            }
        }

        // OpenIddict sets a fresh reference id once, on the entry's first update, and hands this descriptor's value out
        // as the token; it stores only the value's hash, as for its own ids.
        if (token.ReferenceId is null && descriptor.ReferenceId is { Length: TokenTag.Length }
            && descriptor.Type == OpenIddictConstants.TokenTypeIdentifiers.AccessToken)
        {
            descriptor.ReferenceId = tags.NewToken();
        }

        return base.PopulateAsync(token, descriptor, cancellationToken);
    }

    public override async ValueTask<bool> TryRevokeAsync(OpenIddictEntityFrameworkCoreToken token, CancellationToken cancellationToken = default)
    {
        var revoked = await base.TryRevokeAsync(token, cancellationToken);
        if (token.Id is { } id && token.Status == OpenIddictConstants.Statuses.Revoked)
        {
            // Marked even when it was revoked already: a retry after a 503 (the bus was down) must still reach every node.
            var until = token.ExpirationDate is { } expires ? new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) : DateTimeOffset.MaxValue;
            await epochs.MarkTokenAsync(id, until, cancellationToken);
        }

        return revoked;
    }

    public override async ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken = default)
    {
        var count = await base.RevokeBySubjectAsync(subject, cancellationToken);
        await epochs.MarkSubjectAsync(subject, cancellationToken);
        return count;
    }

    public override async ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken = default)
    {
        var count = await base.RevokeByApplicationIdAsync(identifier, cancellationToken);
        await epochs.MarkApplicationAsync(identifier, cancellationToken);
        return count;
    }

    /// <summary>
    /// Revokes the authorization itself too, not only the tokens it has now: a request that was already past its
    /// checks (two uses of one refresh token racing) would otherwise attach a fresh token to it afterwards, and
    /// OpenIddict refuses refresh tokens of a revoked authorization.
    /// </summary>
    public override async ValueTask<long> RevokeByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken = default)
    {
        var authorizations = services.GetRequiredService<IOpenIddictAuthorizationManager>();
        if (await authorizations.FindByIdAsync(identifier, cancellationToken) is { } authorization)
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }

        var count = await base.RevokeByAuthorizationIdAsync(identifier, cancellationToken);
        await epochs.MarkAuthorizationAsync(identifier, cancellationToken);
        return count;
    }

    public static string? ReadProperty(System.Collections.Immutable.ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
