using Microsoft.AspNetCore.Http.HttpResults;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;

namespace Pass.Web.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(PassRoutes.Audit, QueryAsync).WithTags("Audit").RequireAuthorization(PassPolicies.Admin);
        return routes;
    }

    public static async Task<Ok<PagedResult<AuditEventView>>> QueryAsync(
        AuditLog audit, string? userId, AuditEventType? type, DateTimeOffset? from, DateTimeOffset? to, int page = 0, int pageSize = 50) =>
        TypedResults.Ok(await audit.QueryAsync(new AuditQuery(userId, type, from, to, page, pageSize)));
}
