using Pass.Shared.QrLogin;

namespace Pass.Web.QrLogin;

public sealed record QrRedeemResult(QrRedeemOutcome Outcome, QrSession? Session = null);
