namespace Pass.Web.Infrastructure;

/// <summary>The mechanisms every module uses: error bodies, authorization policies, rate-limit policies.</summary>
public static class InfrastructureSetup
{
    public static WebApplicationBuilder AddPassInfrastructure(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddPassPolicies();
        builder.Services.AddPassRateLimits();
        return builder;
    }
}
