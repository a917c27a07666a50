namespace Pass.Shared.Users;

/// <summary>Without a password, Pass generates one and returns it once.</summary>
public sealed record CreateUserRequest(
    string? Email,
    string? DisplayName,
    string? Password = null,
    string? StaffNumber = null,
    string? PhoneNumber = null,
    IReadOnlyList<string>? Roles = null);
