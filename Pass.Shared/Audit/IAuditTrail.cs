namespace Pass.Shared.Audit;

/// <summary>The administrators' audit log.</summary>
public interface IAuditTrail
{
    Task<PagedResult<AuditEventView>> QueryAsync(AuditQuery query, CancellationToken ct = default);
}
