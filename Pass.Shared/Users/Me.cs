namespace Pass.Shared.Users;

/// <summary>The signed-in person as the portal shows them.</summary>
public sealed record Me(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles);
