namespace Pass.Web.QrLogin;

public sealed record QrCreateResult(QrCreateOutcome Outcome, string? AuthCode = null, int ExpiresIn = 0, TimeSpan RetryAfter = default);
