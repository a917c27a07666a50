namespace Pass.Web.Oauth;

/// <summary>How a feature adds its grant to the token endpoint: the endpoint picks it by <see cref="ITokenGrant.GrantType"/>.</summary>
public static class TokenGrants
{
    /// <summary>Adds <typeparamref name="TGrant"/>; a grant type of Pass's own (<c>urn:pass:…</c>) is also allowed in OpenIddict.</summary>
    public static IServiceCollection AddTokenGrant<TGrant>(this IServiceCollection services, string? customGrantType = null)
        where TGrant : class, ITokenGrant
    {
        services.AddScoped<ITokenGrant, TGrant>();
        if (customGrantType is not null)
        {
            services.AddOpenIddict().AddServer(server => server.AllowCustomFlow(customGrantType));
        }

        return services;
    }
}
