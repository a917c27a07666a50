namespace Pass.Shared.Users;

/// <summary>A person's phone as typed (stored in E.164); empty removes it.</summary>
public sealed record SetPhoneRequest(string? PhoneNumber);
