using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pass.Web.Infrastructure.Cluster;

/// <summary>
/// Ready says "Degraded" with the reason while a cluster node does not trust its memory: it still answers every request
/// (from the database, slower), so a load balancer keeps it.
/// </summary>
public sealed class ClusterHealthCheck(IClusterBus bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.NotCurrentReason is { } reason
            ? HealthCheckResult.Degraded($"check_token reads the database: {reason}")
            : HealthCheckResult.Healthy());
}
