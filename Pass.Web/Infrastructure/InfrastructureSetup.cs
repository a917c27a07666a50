using Pass.Web.Infrastructure.Cluster;

namespace Pass.Web.Infrastructure;

/// <summary>The mechanisms every module uses: error bodies, security headers (HSTS), authorization policies, rate-limit policies.</summary>
public static class InfrastructureSetup
{
    public static WebApplicationBuilder AddPassInfrastructure(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        builder.Services.AddPassPolicies();
        builder.Services.AddPassProxies();
        builder.Services.AddPassRateLimits();
        builder.Services.AddPassCluster(builder.Configuration);
        return builder;
    }
}
