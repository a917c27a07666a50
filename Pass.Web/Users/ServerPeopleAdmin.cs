using Pass.Shared;
using Pass.Shared.Problems;
using Pass.Shared.Users;
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

/// <summary><see cref="IPeopleAdmin"/> on the server, over <see cref="UserDirectory"/>.</summary>
public sealed class ServerPeopleAdmin(UserDirectory directory, IHttpContextAccessor http) : IPeopleAdmin
{
    private string? ActorId => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.UserId() : null;

    public Task<PagedResult<UserSummary>> SearchAsync(string? query, int page, int pageSize, string? sort = null, CancellationToken ct = default) =>
        directory.SearchAsync(query, page, pageSize, ct, sort);

    public async Task<Outcome<CreateUserResponse>> CreateAsync(CreateUserRequest request, CancellationToken ct = default)
    {
        var result = await directory.CreateAsync(request);
        return result.Outcome == UserChange.Done
            ? Outcome<CreateUserResponse>.Ok(new CreateUserResponse(result.User!, result.Secret))
            : Outcome<CreateUserResponse>.Invalid(result.Errors ?? new Dictionary<string, CodedProblem[]>());
    }

    public async Task<Outcome<UserSummary>> SetLockedAsync(string userId, bool locked, CancellationToken ct = default) =>
        ToOutcome(locked ? await directory.LockAsync(userId, ActorId) : await directory.UnlockAsync(userId));

    public async Task<Outcome<UserSummary>> UpdateAsync(string userId, UpdateUserRequest request, CancellationToken ct = default) =>
        ToOutcome(await directory.UpdateAsync(userId, request));

    public async Task<Outcome<UserSummary>> SetRolesAsync(string userId, IReadOnlyList<string> roles, CancellationToken ct = default) =>
        ToOutcome(await directory.SetRolesAsync(userId, roles));

    public async Task<Outcome<UserSummary>> SetPhoneAsync(string userId, string? phoneNumber, CancellationToken ct = default) =>
        ToOutcome(await directory.SetPhoneAsync(userId, phoneNumber));

    public async Task<Outcome<PasswordResetResponse>> ResetPasswordAsync(string userId, CancellationToken ct = default)
    {
        var result = await directory.ResetPasswordAsync(userId);
        return result.Outcome == UserChange.Done
            ? Outcome<PasswordResetResponse>.Ok(new PasswordResetResponse(result.Secret!))
            : Outcome<PasswordResetResponse>.Refused(ProblemCode.PersonNotFound);
    }

    public async Task<Outcome<bool>> DeleteAsync(string userId, CancellationToken ct = default) =>
        (await directory.DeleteAsync(userId, ActorId)).Outcome switch
        {
            UserChange.Done => Outcome<bool>.Ok(true),
            UserChange.NotFound => Outcome<bool>.Refused(ProblemCode.PersonNotFound),
            UserChange.OwnAccount => Outcome<bool>.Refused(ProblemCode.OwnAccount),
            _ => Outcome<bool>.Refused(ProblemCode.LastAdministrator),
        };

    private static Outcome<UserSummary> ToOutcome(UserChangeResult result) => result.Outcome switch
    {
        UserChange.Done => Outcome<UserSummary>.Ok(result.User!),
        UserChange.NotFound => Outcome<UserSummary>.Refused(ProblemCode.PersonNotFound),
        UserChange.LastAdministrator => Outcome<UserSummary>.Refused(ProblemCode.LastAdministrator),
        UserChange.OwnAccount => Outcome<UserSummary>.Refused(ProblemCode.OwnAccount),
        _ => Outcome<UserSummary>.Invalid(result.Errors ?? new Dictionary<string, CodedProblem[]>()),
    };
}
