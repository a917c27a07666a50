namespace Pass.Shared.Users;

public sealed record CreateUserResponse(UserSummary User, string? GeneratedPassword);
