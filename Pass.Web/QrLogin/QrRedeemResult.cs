using Pass.Shared.QrLogin;

namespace Pass.Web.QrLogin;

/// <summary>
/// A redemption's answer: without a session the code is unknown; otherwise the session's own verdict
/// (<see cref="QrSession.Redeem"/>), and a code <see cref="QrRedemption.AlreadyUsed"/> had its first use's tokens revoked.
/// </summary>
public sealed record QrRedeemResult(QrSession? Session, QrRedemption Redemption = QrRedemption.Redeemed);
