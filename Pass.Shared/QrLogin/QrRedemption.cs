namespace Pass.Shared.QrLogin;

public enum QrRedemption
{
    Redeemed,
    AlreadyUsed,
    Expired,
}
