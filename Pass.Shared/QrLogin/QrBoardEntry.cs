namespace Pass.Shared.QrLogin;

/// <summary>A QR session on the administrators' live board. <see cref="State"/> is the stored state; expiry is judged by the viewer's clock.</summary>
public sealed record QrBoardEntry(
    string Session,
    string UserId,
    string? UserName,
    QrSessionStatus State,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? RedeemedByClientId,
    string? RedeemedByClientName,
    DateTimeOffset? RedeemedAt)
{
    public QrSessionStatus StatusAt(DateTimeOffset now) =>
        State == QrSessionStatus.Used ? QrSessionStatus.Used : now >= ExpiresAt ? QrSessionStatus.Expired : QrSessionStatus.Unused;
}
