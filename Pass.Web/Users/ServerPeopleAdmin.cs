using Pass.Shared;
using Pass.Shared.Users;
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

/// <summary><see cref="IPeopleAdmin"/> on the server, over <see cref="UserDirectory"/>: the same outcomes the API answers with.</summary>
public sealed class ServerPeopleAdmin(UserDirectory directory, IHttpContextAccessor http) : IPeopleAdmin
{
    private string? ActorId => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.UserId() : null;

    public Task<PagedResult<UserSummary>> SearchAsync(string? query, int page, int pageSize, string? sort = null, CancellationToken ct = default) =>
        directory.SearchAsync(query, page, pageSize, ct, sort);

    public Task<Outcome<CreateUserResponse>> CreateAsync(CreateUserRequest request, CancellationToken ct = default) =>
        directory.CreateAsync(NewPerson.From(request), ct);

    public Task<Outcome<UserSummary>> SetLockedAsync(string userId, bool locked, CancellationToken ct = default) =>
        locked ? directory.LockAsync(userId, ActorId) : directory.UnlockAsync(userId);

    public Task<Outcome<UserSummary>> UpdateAsync(string userId, UpdateUserRequest request, CancellationToken ct = default) =>
        directory.UpdateAsync(userId, request);

    public Task<Outcome<UserSummary>> SetRolesAsync(string userId, IReadOnlyList<string> roles, CancellationToken ct = default) =>
        directory.SetRolesAsync(userId, roles);

    public Task<Outcome<UserSummary>> SetPhoneAsync(string userId, string? phoneNumber, CancellationToken ct = default) =>
        directory.SetPhoneAsync(userId, phoneNumber);

    public Task<Outcome<PasswordResetResponse>> ResetPasswordAsync(string userId, CancellationToken ct = default) =>
        directory.ResetPasswordAsync(userId);

    public Task<Outcome<bool>> DeleteAsync(string userId, CancellationToken ct = default) =>
        directory.DeleteAsync(userId, ActorId);
}
