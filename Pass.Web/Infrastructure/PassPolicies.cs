using Microsoft.AspNetCore.Identity;
using Pass.Shared.Oauth;

namespace Pass.Web.Infrastructure;

/// <summary>Authorization policies: who may call what. Endpoint groups name them; roles come from <see cref="PassRoles"/>.</summary>
public static class PassPolicies
{
    /// <summary>A signed-in person (portal cookie) or a person's bearer token.</summary>
    public const string Person = "Person";

    /// <summary>A signed-in person in the portal (cookie).</summary>
    public const string PortalUser = "PortalUser";

    /// <summary>Any live Pass bearer token: a person's or a terminal's.</summary>
    public const string BearerCaller = "BearerCaller";

    public const string Helpdesk = "Helpdesk";
    public const string Admin = "Admin";

    public static IServiceCollection AddPassPolicies(this IServiceCollection services)
    {
        var cookie = IdentityConstants.ApplicationScheme;
        services.AddAuthorizationBuilder()
            .AddPolicy(Person, p => p.AddAuthenticationSchemes(PassSchemes.Bearer, cookie).RequireAuthenticatedUser())
            .AddPolicy(PortalUser, p => p.AddAuthenticationSchemes(cookie).RequireAuthenticatedUser())
            .AddPolicy(BearerCaller, p => p.AddAuthenticationSchemes(PassSchemes.Bearer).RequireAuthenticatedUser())
            .AddPolicy(Helpdesk, p => p.AddAuthenticationSchemes(cookie).RequireRole(PassRoles.Admin, PassRoles.Helpdesk))
            .AddPolicy(Admin, p => p.AddAuthenticationSchemes(cookie).RequireRole(PassRoles.Admin));
        return services;
    }
}
