using Pass.Shared.Audit;
using Pass.Shared.Messages;
using Pass.Web.Audit;

namespace Pass.Web.Messages;

/// <summary>
/// Tells a person of the security events of their own account as the audit log records them: a card reported lost or
/// replaced, the password changed or reset, a phone or an outside account linked, a sign-in from a new browser. One notice per event, written with its audit line.
/// </summary>
public sealed class SecurityNotices(NoticeBoard board) : IAuditListener
{
    public async ValueTask HeardAsync(AuditEventType type, string? subjectUserId, string? clientId, AuditDetail? detail, bool success, CancellationToken ct)
    {
        if (!success || subjectUserId is null || KindOf(type, detail) is not { } kind)
        {
            return;
        }

        await board.AddAsync(subjectUserId, kind, detail?.Args ?? [], ct);
    }

    private static NoticeKind? KindOf(AuditEventType type, AuditDetail? detail) => type switch
    {
        AuditEventType.CardReportedLost => NoticeKind.CardReportedLost,
        AuditEventType.CardReplaced => NoticeKind.CardReplaced,
        AuditEventType.PasswordChanged => NoticeKind.PasswordChanged,
        AuditEventType.UserPasswordReset => NoticeKind.PasswordReset,
        AuditEventType.PhoneVerified when detail?.Code is AuditDetailCode.PhoneVerified or AuditDetailCode.PhoneMoved or AuditDetailCode.PhoneSetByAdministrator
            => NoticeKind.PhoneLinked,
        AuditEventType.ExternalAccountLinked => NoticeKind.ExternalAccountLinked,
        AuditEventType.NewDeviceSignIn => NoticeKind.NewDeviceSignIn,
        _ => null,
    };
}
