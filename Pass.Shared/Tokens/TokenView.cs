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
