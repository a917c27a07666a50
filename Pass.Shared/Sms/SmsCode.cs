namespace Pass.Shared.Sms;

/// <summary>
/// A numeric code sent by SMS to a phone for one client. Only its hash is kept; it is redeemable once, before it
/// expires and before <see cref="MaxAttempts"/> wrong tries.
/// </summary>
public sealed class SmsCode
{
    public const int MaxAttempts = 5;

    private SmsCode()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>E.164.</summary>
    public string Phone { get; private set; } = "";

    public string ClientId { get; private set; } = "";

    public SmsPurpose Purpose { get; private set; }

    public string? TargetUserId { get; private set; }

    public string CodeHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Changes with every write: two redemptions racing cannot both succeed, nor two wrong tries count once.</summary>
    public Guid Version { get; private set; }

    public static SmsCode Create(string phone, string clientId, SmsPurpose purpose, string? targetUserId, string codeHash, DateTimeOffset now, TimeSpan lifetime) =>
        new()
        {
            Id = Guid.NewGuid(),
            Phone = phone,
            ClientId = clientId,
            Purpose = purpose,
            TargetUserId = targetUserId,
            CodeHash = codeHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            Version = Guid.NewGuid(),
        };

    public bool IsLiveAt(DateTimeOffset now) => UsedAt is null && Attempts < MaxAttempts && now < ExpiresAt;

    /// <summary>Checks a try: <paramref name="matches"/> is the constant-time comparison of the hashes, done by the caller.</summary>
    public SmsCheck Try(bool matches, DateTimeOffset now)
    {
        if (UsedAt is not null)
        {
            return SmsCheck.Used;
        }

        if (Attempts >= MaxAttempts)
        {
            return SmsCheck.TooManyTries;
        }

        if (now >= ExpiresAt)
        {
            return SmsCheck.Expired;
        }

        Version = Guid.NewGuid();
        if (!matches)
        {
            Attempts++;
            return Attempts >= MaxAttempts ? SmsCheck.TooManyTries : SmsCheck.Wrong;
        }

        UsedAt = now;
        return SmsCheck.Accepted;
    }

    /// <summary>A newer code for the same phone and client replaces this one.</summary>
    public void Supersede(DateTimeOffset now)
    {
        if (UsedAt is null)
        {
            UsedAt = now;
            Version = Guid.NewGuid();
        }
    }
}
