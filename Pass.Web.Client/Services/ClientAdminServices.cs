using System.Net.Http.Json;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Pass.Shared.Tokens;
using Pass.Shared.Users;

namespace Pass.Web.Client.Services;

/// <summary>The administration interfaces in the browser, over the management API.</summary>
public sealed class ClientPeopleAdmin(PortalHttp portal) : IPeopleAdmin
{
    public async Task<PagedResult<UserSummary>> SearchAsync(string? query, int page, int pageSize, string? sort = null, CancellationToken ct = default) =>
        (await portal.Http.GetFromJsonAsync<PagedResult<UserSummary>>(
            $"{PassRoutes.Users}?q={Uri.EscapeDataString(query ?? "")}&page={page}&pageSize={pageSize}&sort={Uri.EscapeDataString(sort ?? "")}", ct))!;

    public Task<Outcome<CreateUserResponse>> CreateAsync(CreateUserRequest request, CancellationToken ct = default) =>
        portal.SendAsync<CreateUserResponse>(HttpMethod.Post, PassRoutes.Users, request, ct);

    public Task<Outcome<UserSummary>> SetLockedAsync(string userId, bool locked, CancellationToken ct = default) =>
        portal.SendAsync<UserSummary>(HttpMethod.Post, $"{PassRoutes.Users}/{Uri.EscapeDataString(userId)}/{(locked ? "lock" : "unlock")}", null, ct);

    public Task<Outcome<UserSummary>> UpdateAsync(string userId, UpdateUserRequest request, CancellationToken ct = default) =>
        portal.SendAsync<UserSummary>(HttpMethod.Put, $"{PassRoutes.Users}/{Uri.EscapeDataString(userId)}", request, ct);

    public Task<Outcome<UserSummary>> SetRolesAsync(string userId, IReadOnlyList<string> roles, CancellationToken ct = default) =>
        portal.SendAsync<UserSummary>(HttpMethod.Put, $"{PassRoutes.Users}/{Uri.EscapeDataString(userId)}/roles", new SetRolesRequest(roles), ct);

    public Task<Outcome<UserSummary>> SetPhoneAsync(string userId, string? phoneNumber, CancellationToken ct = default) =>
        portal.SendAsync<UserSummary>(HttpMethod.Put, $"{PassRoutes.Users}/{Uri.EscapeDataString(userId)}/phone", new SetPhoneRequest(phoneNumber), ct);

    public Task<Outcome<PasswordResetResponse>> ResetPasswordAsync(string userId, CancellationToken ct = default) =>
        portal.SendAsync<PasswordResetResponse>(HttpMethod.Post, $"{PassRoutes.Users}/{Uri.EscapeDataString(userId)}/reset-password", null, ct);

    public async Task<Outcome<bool>> DeleteAsync(string userId, CancellationToken ct = default) =>
        (await portal.SendAsync<object>(HttpMethod.Delete, $"{PassRoutes.Users}/{Uri.EscapeDataString(userId)}", null, ct)).Select(_ => true);
}

public sealed class ClientClientsAdmin(PortalHttp portal) : IClientsAdmin
{
    public async Task<IReadOnlyList<ClientSummary>> ListAsync(CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<List<ClientSummary>>(PassRoutes.Clients, ct) ?? [];

    public Task<Outcome<ClientSecretResponse>> RegisterAsync(RegisterClientRequest request, CancellationToken ct = default) =>
        portal.SendAsync<ClientSecretResponse>(HttpMethod.Post, PassRoutes.Clients, request, ct);

    public Task<Outcome<ClientSummary>> UpdateAsync(string clientId, UpdateClientRequest request, CancellationToken ct = default) =>
        portal.SendAsync<ClientSummary>(HttpMethod.Put, $"{PassRoutes.Clients}/{Uri.EscapeDataString(clientId)}", request, ct);

    public Task<Outcome<ClientSecretResponse>> RotateSecretAsync(string clientId, CancellationToken ct = default) =>
        portal.SendAsync<ClientSecretResponse>(HttpMethod.Post, $"{PassRoutes.Clients}/{Uri.EscapeDataString(clientId)}/secret", null, ct);

    public async Task<bool> SetDisabledAsync(string clientId, bool disabled, CancellationToken ct = default)
    {
        using var response = await portal.SendAsync(new HttpRequestMessage(HttpMethod.Post,
            $"{PassRoutes.Clients}/{Uri.EscapeDataString(clientId)}/{(disabled ? "disable" : "enable")}"), HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode;
    }
}

public sealed class ClientTokensAdmin(PortalHttp portal) : ITokensAdmin
{
    public async Task<PagedResult<TokenView>> SearchAsync(TokenQuery query, CancellationToken ct = default) =>
        (await portal.Http.GetFromJsonAsync<PagedResult<TokenView>>(
            $"{PassRoutes.Tokens}?userId={Uri.EscapeDataString(query.UserId ?? "")}&clientId={Uri.EscapeDataString(query.ClientId ?? "")}&activeOnly={query.ActiveOnly}&page={query.Page}&pageSize={query.PageSize}", ct))!;

    public async Task<bool> RevokeAsync(string tokenId, CancellationToken ct = default)
    {
        using var response = await portal.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{PassRoutes.Tokens}/{Uri.EscapeDataString(tokenId)}"),
            HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode;
    }

    public async Task<long> RevokeAllOfPersonAsync(string userId, CancellationToken ct = default) =>
        (await portal.SendAsync<RevokeResult>(HttpMethod.Post, $"{PassRoutes.Tokens}/users/{Uri.EscapeDataString(userId)}/revoke", null, ct)).Value?.Revoked ?? 0;

    public async Task<long?> RevokeAllOfClientAsync(string clientId, CancellationToken ct = default) =>
        (await portal.SendAsync<RevokeResult>(HttpMethod.Post, $"{PassRoutes.Tokens}/clients/{Uri.EscapeDataString(clientId)}/revoke", null, ct)).Value?.Revoked;
}

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
