using Pass.Shared.Audit;

namespace Pass.Web.Audit;

/// <summary>The audit log every security event is written to, and its query API.</summary>
public static class AuditModule
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>().AddScoped<IAuditTrail, ServerAuditTrail>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes) => routes.MapAuditEndpoints();
}
