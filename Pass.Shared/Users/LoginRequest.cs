namespace Pass.Shared.Users;

public sealed record LoginRequest(string? Email, string? Password, bool RememberMe = false);
