namespace Pass.Shared.Users;

/// <summary>An administrator corrects who a person is: the email they sign in with, their name, their staff number (empty removes it).</summary>
public sealed record UpdateUserRequest(string? Email, string? DisplayName, string? StaffNumber = null);
