namespace Pass.Shared.Users;

public sealed record PasswordResetResponse(string TemporaryPassword);
