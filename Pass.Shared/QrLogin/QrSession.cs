namespace Pass.Shared.QrLogin;

/// <summary>
/// A QR login code a person generated so that a subsystem can identify them once.
/// The code itself is never stored, only its hash; it is redeemable once, before it expires.
/// </summary>
public sealed class QrSession
{
    /// <summary>Longest session id a generator may choose.</summary>
    public const int MaxSessionLength = 128;

    private QrSession()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The generator's own id for the session, globally unique.</summary>
    public string Session { get; private set; } = "";

    public string UserId { get; private set; } = "";

    /// <summary>The client the generator used (the person's app), or null for the portal.</summary>
    public string? CreatedByClientId { get; private set; }

    public string CodeHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Stored state: <see cref="QrSessionStatus.Unused"/> or <see cref="QrSessionStatus.Used"/>; expiry is read from the clock.</summary>
    public QrSessionStatus State { get; private set; }

    public string? RedeemedByClientId { get; private set; }

    public DateTimeOffset? RedeemedAt { get; private set; }

    /// <summary>The OAuth authorization the redemption's tokens belong to, revoked if the code is replayed.</summary>
    public string? AuthorizationId { get; private set; }

    public static QrSession Create(string session, string userId, string? clientId, string codeHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (!IsValidSessionId(session))
        {
            throw new ArgumentException("Invalid session id.", nameof(session));
        }

        return new QrSession
        {
            Id = Guid.NewGuid(),
            Session = session,
            UserId = userId,
            CreatedByClientId = clientId,
            CodeHash = codeHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            State = QrSessionStatus.Unused,
        };
    }

    /// <summary>Printable ASCII without spaces, 1 to <see cref="MaxSessionLength"/> characters.</summary>
    public static bool IsValidSessionId(string? session) =>
        !string.IsNullOrEmpty(session) && session.Length <= MaxSessionLength && session.All(c => c is > ' ' and < (char)127);

    public QrSessionStatus StatusAt(DateTimeOffset now) =>
        State == QrSessionStatus.Used ? QrSessionStatus.Used
        : now >= ExpiresAt ? QrSessionStatus.Expired
        : QrSessionStatus.Unused;

    public TimeSpan RemainingAt(DateTimeOffset now) => StatusAt(now) == QrSessionStatus.Unused ? ExpiresAt - now : TimeSpan.Zero;

    /// <summary>Uses the code once for <paramref name="clientId"/>; refuses a used or expired code.</summary>
    public QrRedemption Redeem(string clientId, DateTimeOffset now)
    {
        switch (StatusAt(now))
        {
            case QrSessionStatus.Used:
                return QrRedemption.AlreadyUsed;
            case QrSessionStatus.Expired:
                return QrRedemption.Expired;
        }

        State = QrSessionStatus.Used;
        RedeemedByClientId = clientId;
        RedeemedAt = now;
        return QrRedemption.Redeemed;
    }

    /// <summary>Names the authorization the redemption's tokens belong to: only once, and only for a redeemed code.</summary>
    public void AttachAuthorization(string authorizationId)
    {
        if (State != QrSessionStatus.Used || AuthorizationId is not null)
        {
            throw new InvalidOperationException("Only a redeemed QR session without an authorization takes one.");
        }

        AuthorizationId = authorizationId;
    }
}
