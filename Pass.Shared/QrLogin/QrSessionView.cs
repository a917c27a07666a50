namespace Pass.Shared.QrLogin;

/// <summary>A QR session as its creator sees it in the portal.</summary>
public sealed record QrSessionView(
    string Session,
    QrSessionStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? RedeemedByClientId,
    string? RedeemedByClientName,
    DateTimeOffset? RedeemedAt);
