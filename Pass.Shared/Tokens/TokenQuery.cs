namespace Pass.Shared.Tokens;

public sealed record TokenQuery(string? UserId = null, string? ClientId = null, bool ActiveOnly = true, int Page = 0, int PageSize = 50);
