namespace Pass.Shared.Users;

public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);
