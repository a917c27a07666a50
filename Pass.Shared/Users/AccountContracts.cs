namespace Pass.Shared.Users;

public sealed record LoginRequest(string? Email, string? Password, bool RememberMe = false);

/// <summary>The signed-in person as the portal shows them.</summary>
public sealed record Me(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

public sealed record AntiforgeryToken(string HeaderName, string Token);
