using System.Net.Http.Json;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;

namespace Pass.Web.Client.Services;

/// <summary>The audit log in the browser, over the management API.</summary>
public sealed class ClientAuditTrail(PortalHttp portal) : IAuditTrail
{
    public async Task<PagedResult<AuditEventView>> QueryAsync(AuditQuery query, CancellationToken ct = default)
    {
        var url = $"{PassRoutes.Audit}?page={query.Page}&pageSize={query.PageSize}"
            + (query.UserId is { Length: > 0 } user ? $"&userId={Uri.EscapeDataString(user)}" : "")
            + (query.Type is { } type ? $"&type={type}" : "")
            + (query.From is { } from ? $"&from={Uri.EscapeDataString(from.ToString("O"))}" : "")
            + (query.To is { } to ? $"&to={Uri.EscapeDataString(to.ToString("O"))}" : "");
        return (await portal.Http.GetFromJsonAsync<PagedResult<AuditEventView>>(url, ct))!;
    }
}
