namespace Pass.Web.QrLogin;

public enum QrRedeemOutcome
{
    Redeemed,
    Unknown,
    Expired,
    Replayed,
}
