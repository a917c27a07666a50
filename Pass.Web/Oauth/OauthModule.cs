using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using Pass.Shared.Oauth;
using Pass.Web.Clients;
using Pass.Web.Data;
using Pass.Web.Infrastructure;
using Pass.Web.Infrastructure.Cluster;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Pass.Web.Oauth;

/// <summary>
/// The OAuth engine: OpenIddict (server and EF Core stores), the token endpoint and its list of grants (each feature
/// adds its own with <see cref="TokenGrants.AddTokenGrant{TGrant}"/>), check_token, Sign in with Pass, the bearer scheme.
/// </summary>
public static class OauthModule
{
    public static WebApplicationBuilder AddOauth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var data = builder.PassDataDirectory();
        var pass = builder.Configuration.GetSection(IssuerOptions.Section).Get<IssuerOptions>() ?? new IssuerOptions();
        var tokens = builder.Configuration.GetSection(TokenOptions.Section).Get<TokenOptions>() ?? new TokenOptions();
        services.AddOptions<TokenOptions>().BindConfiguration(TokenOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (pass.Issuer is null && builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() is { Enabled: true })
        {
            // Each node would otherwise name itself, and refuse (introspection, revocation) what the others issued.
            throw new InvalidOperationException("A cluster node (Pass:Redis:Configuration) needs Pass:Issuer: the one address every node names in its tokens.");
        }

        services.AddSingleton<RevocationEpochs>();
        services.AddSingleton<TokenChecker>();
        services.AddSingleton<TokenTag>();
        services.AddSingleton<DeadTokens>();
        services.AddSingleton<TokenPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenPruner>());
        services.AddScoped<PrincipalFactory>();
        services.AddTokenGrant<ClientCredentialsGrant>()
            .AddTokenGrant<PasswordGrant>()
            .AddTokenGrant<RefreshTokenGrant>()
            .AddTokenGrant<AuthorizationCodeGrant>();

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<PassDbContext>();
                core.ReplaceTokenManager<OpenIddictEntityFrameworkCoreToken, PassTokenManager>();
                core.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, PassApplicationManager>();
            })
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(Relative(PassRoutes.Token))
                    .SetRevocationEndpointUris(Relative(PassRoutes.Revoke))
                    .SetIntrospectionEndpointUris(Relative(PassRoutes.Introspect))
                    .SetConfigurationEndpointUris(Relative(PassRoutes.Metadata), ".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks")
                    .SetAuthorizationEndpointUris(Relative(PassRoutes.Authorize))
                    .SetUserInfoEndpointUris(Relative(PassRoutes.UserInfo))
                    .SetEndSessionEndpointUris(Relative(PassRoutes.EndSession));

                server.AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow()
                    .AllowPasswordFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.OfflineAccess);

                // PKCE with S256 only: "plain" would hand the verifier to whoever sees the authorization request.
                server.Configure(options =>
                {
                    options.CodeChallengeMethods.Clear();
                    options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);

                    // Discovery advertises what works: no client can register a key or a certificate here.
                    options.ClientAuthenticationMethods.IntersectWith([ClientAuthenticationMethods.ClientSecretBasic, ClientAuthenticationMethods.ClientSecretPost, ClientAuthenticationMethods.None]);
                    options.Claims.UnionWith(ScopeClaims.Supported);
                });

                // Opaque random tokens; the database keeps only their SHA-256 (OpenIddict's reference tokens).
                server.UseReferenceAccessTokens().UseReferenceRefreshTokens();
                server.SetAccessTokenLifetime(tokens.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(tokens.RefreshTokenLifetime)
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero); // a retry within the grace is RefreshRetries' answer

                // The same keys on every node: in the shared database on PostgreSQL, in the data folder on SQLite.
                if (builder.PassDatabaseProvider() == DatabaseProvider.PostgreSql)
                {
                    services.AddSingleton<SharedTokenKeys>();
                    services.AddHostedService(provider => provider.GetRequiredService<SharedTokenKeys>());
                    services.AddSingleton<IConfigureOptions<OpenIddict.Server.OpenIddictServerOptions>>(provider => provider.GetRequiredService<SharedTokenKeys>());
                }
                else
                {
                    TokenKeys.AddFromFolder(server, data.KeysPath);
                }

                if (pass.Issuer is { } issuer)
                {
                    server.SetIssuer(issuer);
                }

                // Who may introspect what is Pass's rule (TokenOwnership), not only the token's audience.
                server.RemoveEventHandler(OpenIddict.Server.OpenIddictServerHandlers.Introspection.ValidateAuthorizedParty.Descriptor)
                    .AddEventHandler(TokenOwnership.IntrospectionCaller)
                    .AddEventHandler(TokenOwnership.InactiveAnswer);
                server.AddEventHandler(SeedCodeGrantMapping.Descriptor)
                    .AddEventHandler(OwnErrorUris.Descriptor)
                    .AddEventHandler(DiscoveryExtras.Descriptor)
                    .AddEventHandler(RequireClientAuthentication.Descriptor);
                foreach (var descriptor in AuditOauthResponses.Descriptors.Concat(RefreshRetries.Descriptors))
                {
                    server.AddEventHandler(descriptor);
                }

                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!(pass.RequireHttps ?? !builder.Environment.IsDevelopment()))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PassBearerHandler>(PassSchemes.Bearer, null);
        return builder;
    }

    public static IEndpointRouteBuilder MapOauth(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(PassRoutes.Token, TokenEndpoint.ExchangeAsync)
            .WithName("Token")
            .WithTags("OAuth")
            .WithSummary("RFC 6749 token endpoint: client_credentials, refresh_token, password, card, QR.")
            .WithDescription("Form body, client authentication by `client_id`/`client_secret` in the body or HTTP Basic. "
                + "Grants: `client_credentials`; `refresh_token`; `password` (only clients allowed it); "
                + "`urn:pass:grant-type:card` with `card_number`; `urn:pass:grant-type:qr` with `code`, also accepted in the seed's form "
                + "`grant_type=authorization_code&code=<auth_code>`. Errors are RFC 6749 §5.2 JSON.")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status200OK)
            .Produces<OAuthError>(StatusCodes.Status400BadRequest)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.Token)
            .HoldsOneConnection();

        // OpenIddict answers revocation and introspection itself, in the authentication step; these routes carry their
        // rate limit (the limiter runs after routing, before authentication) and are never reached.
        foreach (var route in new[] { PassRoutes.Revoke, PassRoutes.Introspect })
        {
            routes.MapMethods(route, [HttpMethods.Get, HttpMethods.Post], () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed))
                .RequireRateLimiting(RateLimits.Token)
                .HoldsOneConnection()
                .AllowAnonymous()
                .DisableAntiforgery()
                .WithMetadata(new AnsweredByOpenIddict())
                .ExcludeFromDescription();
        }

        routes.MapCheckToken();
        routes.MapSignInWithPass();
        return routes;
    }

    /// <summary>A route as OpenIddict takes it: relative to the issuer.</summary>
    public static string Relative(string route) => route.TrimStart('/');
}
