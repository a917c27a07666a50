using System.Text.Json.Serialization;

namespace Pass.Shared.Audit;

[JsonConverter(typeof(JsonStringEnumConverter<AuditEventType>))]
public enum AuditEventType
{
    SignIn,
    SignInFailed,
    TokenIssued,
    TokenRequestRejected,
    TokenRevoked,
    TokensRevokedForUser,
    TokensRevokedForClient,
    QrSessionCreated,
    QrCodeRedeemed,
    QrCodeReplayed,
    CardBound,
    CardUnbound,
    CardReplaced,
    CardReportedLost,
    UserCreated,
    UserLocked,
    UserUnlocked,
    UserRolesChanged,
    UserPasswordReset,
    UserDeleted,
    ClientRegistered,
    ClientUpdated,
    ClientSecretRotated,
    ClientDisabled,
    ClientEnabled,
    KioskSignInApproved,
    KioskSignInDenied,
    KioskSignIn,
    PasswordChanged,
    ConsentGiven,
    ConsentDenied,
    ConsentWithdrawn,
    SmsCodeSent,
    PhoneVerified,
    UserUpdated,
    PersonLookedUp,
}
