namespace Pass.Shared.Tokens;

/// <summary>A live or past token, never its value.</summary>
public sealed record TokenView(
    string Id,
    string? Subject,
    string? SubjectName,
    string? ClientId,
    string? ClientName,
    string Type,
    string? Grant,
    string? Status,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? ExpiresAt);

public sealed record RevokeResult(long Revoked);

public sealed record TokenQuery(string? UserId = null, string? ClientId = null, bool ActiveOnly = true, int Page = 0, int PageSize = 50);
