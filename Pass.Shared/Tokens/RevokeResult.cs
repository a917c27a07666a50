namespace Pass.Shared.Tokens;

public sealed record RevokeResult(long Revoked);
