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
