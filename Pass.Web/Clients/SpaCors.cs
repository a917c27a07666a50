using Microsoft.AspNetCore.Cors.Infrastructure;
using Pass.Shared.Oauth;

namespace Pass.Web.Clients;


/// <summary>
/// CORS for single-page apps, on the endpoints a browser app calls itself: discovery and keys, token, userinfo,
/// revocation and check_token. An origin gets an answer only when an enabled single-page app registered it; never
/// a wildcard, never credentials (the app sends tokens, not cookies).
/// </summary>
internal sealed class SpaCors(SpaOrigins origins) : ICorsPolicyProvider
{
    private static readonly string[] Paths =
        [PassRoutes.Token, PassRoutes.UserInfo, PassRoutes.Revoke, PassRoutes.CheckToken, PassRoutes.Metadata, "/.well-known/openid-configuration", "/.well-known/jwks"];

    public static bool IsBrowserApi(HttpContext context) =>
        context.Request.Headers.Origin.Count > 0 && Paths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if ((await origins.ClientsOnAsync(origin)).Count == 0)
        {
            return null;
        }

        return new CorsPolicyBuilder()
            .WithOrigins(origin)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Authorization", "Content-Type")
            .WithExposedHeaders("WWW-Authenticate")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build();
    }
}
