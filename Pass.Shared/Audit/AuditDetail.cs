using System.Globalization;

namespace Pass.Shared.Audit;

public sealed record AuditDetail(AuditDetailCode Code, IReadOnlyList<string> Args)
{
    public static AuditDetail Of(AuditDetailCode code, params string?[] args) => new(code, [.. args.Select(a => a ?? "")]);

    /// <summary>The English text, as lines written before codes existed said it.</summary>
    public string English => string.Format(CultureInfo.InvariantCulture, Template(Code), [.. Args.Cast<object>()]);

    private static string Template(AuditDetailCode code) => code switch
    {
        AuditDetailCode.CreatedWithRoles => "roles {0}",
        AuditDetailCode.SignedUpBySms => "signed up by SMS code",
        AuditDetailCode.Roles => "{0}",
        AuditDetailCode.ProfileChanged => "changed {0}",
        AuditDetailCode.PhoneRemovedByAdministrator => "removed by an administrator",
        AuditDetailCode.PhoneSetByAdministrator => "{0} set by an administrator",
        AuditDetailCode.PhoneVerified => "{0}",
        AuditDetailCode.PhoneMoved => "{0} moved from another person",
        AuditDetailCode.SmsSent => "{0} {1}",
        AuditDetailCode.SmsFailed => "{0} {1}: {2}",
        AuditDetailCode.Portal => "portal",
        AuditDetailCode.UnknownAccount => "unknown account",
        AuditDetailCode.LockedOut => "locked out",
        AuditDetailCode.WrongPassword => "wrong password",
        AuditDetailCode.Refused => "refused",
        AuditDetailCode.Kiosk => "kiosk",
        AuditDetailCode.KioskDevice => "{0} ({1})",
        AuditDetailCode.TokenCount => "{0} tokens",
        AuditDetailCode.TokensRevokedWith => "{0} tokens revoked",
        AuditDetailCode.Token => "token {0}",
        AuditDetailCode.Card => "card {0}",
        AuditDetailCode.CardReplaced => "card {0} replaced by {1}",
        AuditDetailCode.CardRebound => "card {0} (reported lost before; bound again on confirmation)",
        AuditDetailCode.CardReplacedRebound => "card {0} replaced by {1} (reported lost before; bound again on confirmation)",
        AuditDetailCode.Grants => "{0}",
        AuditDetailCode.Scopes => "{0}",
        AuditDetailCode.QrSession => "session {0}",
        AuditDetailCode.QrReplayed => "session {0}: code presented again; its tokens were revoked",
        AuditDetailCode.Grant => "{0}",
        AuditDetailCode.GrantRefused => "{0}: {1}",
        AuditDetailCode.Rfc7009 => "RFC 7009",
        AuditDetailCode.Rfc7009Refused => "RFC 7009 refused: {0}",
        AuditDetailCode.LookedUpBy => "by {0}",
        AuditDetailCode.Message => "\"{0}\"",
        AuditDetailCode.MessageMuted => "\"{0}\" (muted by the person: not delivered)",
        AuditDetailCode.ExternalAccount => "{0} {1}",
        AuditDetailCode.ExternalSignIn => "{0} {1}",
        AuditDetailCode.ExternalAccountTaken => "{0} {1} is linked to another person",
        AuditDetailCode.ExternalAccountLinkedBy => "{0} {1}, proved by {2}",
        AuditDetailCode.ChannelChanged => "{0}: {1}",
        AuditDetailCode.NewDevice => "{0} from {1}",
        _ => "",
    };
}
