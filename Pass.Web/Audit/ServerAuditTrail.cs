using Pass.Shared;
using Pass.Shared.Audit;

namespace Pass.Web.Audit;

public sealed class ServerAuditTrail(AuditLog audit) : IAuditTrail
{
    public Task<PagedResult<AuditEventView>> QueryAsync(AuditQuery query, CancellationToken ct = default) => audit.QueryAsync(query, ct);
}
