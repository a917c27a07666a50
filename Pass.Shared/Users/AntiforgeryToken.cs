namespace Pass.Shared.Users;

public sealed record AntiforgeryToken(string HeaderName, string Token);
