using System.Net.Http.Json;
using Pass.Shared;
using Pass.Shared.Oauth;
using Pass.Shared.Users;

namespace Pass.Web.Client.Services;

/// <summary>People administration in the browser, over the management API.</summary>
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
