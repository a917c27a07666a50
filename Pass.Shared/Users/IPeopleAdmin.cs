namespace Pass.Shared.Users;

/// <summary>The administrators' people page.</summary>
public interface IPeopleAdmin
{
    /// <summary><paramref name="sort"/>: name, email, staff or created; a leading "-" sorts descending.</summary>
    Task<PagedResult<UserSummary>> SearchAsync(string? query, int page, int pageSize, string? sort = null, CancellationToken ct = default);

    Task<Outcome<CreateUserResponse>> CreateAsync(CreateUserRequest request, CancellationToken ct = default);

    Task<Outcome<UserSummary>> SetLockedAsync(string userId, bool locked, CancellationToken ct = default);

    Task<Outcome<UserSummary>> UpdateAsync(string userId, UpdateUserRequest request, CancellationToken ct = default);

    Task<Outcome<UserSummary>> SetRolesAsync(string userId, IReadOnlyList<string> roles, CancellationToken ct = default);

    /// <summary>Sets or removes the phone an SMS code is sent to; one person per phone.</summary>
    Task<Outcome<UserSummary>> SetPhoneAsync(string userId, string? phoneNumber, CancellationToken ct = default);

    /// <summary>A temporary password, shown once; every token of the person is revoked.</summary>
    Task<Outcome<PasswordResetResponse>> ResetPasswordAsync(string userId, CancellationToken ct = default);

    /// <summary>Deletes the person (their tokens and cards go with them); never one's own account, never the last administrator.</summary>
    Task<Outcome<bool>> DeleteAsync(string userId, CancellationToken ct = default);
}
