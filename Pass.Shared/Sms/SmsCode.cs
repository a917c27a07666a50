using System.Text.Json.Serialization;

namespace Pass.Shared.Sms;

/// <summary>What redeeming an SMS code does (SPEC §2.5).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SmsPurpose>))]
public enum SmsPurpose
{
    /// <summary>Signs in the person who has the phone, or signs up a new one when nobody has it.</summary>
    SignInOrUp,

    /// <summary><c>abort=if_not_exists</c>: only someone who already has the phone.</summary>
    SignIn,

    /// <summary><c>abort=if_exists</c>: a new person with this phone.</summary>
    SignUp,

    /// <summary><c>phone_conflict=replace</c>: the phone moves to <see cref="SmsCode.TargetUserId"/>.</summary>
    Replace,
}

public enum SmsCheck
{
    Accepted,
    Wrong,
    Expired,
    Used,
    TooManyTries,
}

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
