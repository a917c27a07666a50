namespace Pass.Shared.Users;

public sealed record UserSummary(
    string Id,
    string Email,
    string DisplayName,
    string? StaffNumber,
    string? PhoneNumber,
    IReadOnlyList<string> Roles,
    bool IsLocked,
    DateTimeOffset CreatedAt);

/// <summary>Without a password, Pass generates one and returns it once.</summary>
public sealed record CreateUserRequest(
    string? Email,
    string? DisplayName,
    string? Password = null,
    string? StaffNumber = null,
    string? PhoneNumber = null,
    IReadOnlyList<string>? Roles = null);

public sealed record CreateUserResponse(UserSummary User, string? GeneratedPassword);

/// <summary>An administrator corrects who a person is: the email they sign in with, their name, their staff number (empty removes it).</summary>
public sealed record UpdateUserRequest(string? Email, string? DisplayName, string? StaffNumber = null);

public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>A person's phone as typed (stored in E.164); empty removes it.</summary>
public sealed record SetPhoneRequest(string? PhoneNumber);

public sealed record PasswordResetResponse(string TemporaryPassword);
