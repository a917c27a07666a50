using System.Globalization;
using System.Text.Json.Serialization;

namespace Pass.Shared.Audit;

/// <summary>
/// What an audit line's detail says, as a code and its values (a masked card, a count, a grant type), so the portal
/// shows it in the viewer's language (resx key <c>AuditDetail_&lt;code&gt;</c>); the English text is stored beside it for
/// API callers and lines written before codes existed.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditDetailCode>))]
public enum AuditDetailCode
{
    /// <summary>{0}: the roles given.</summary>
    CreatedWithRoles,
    SignedUpBySms,
    /// <summary>{0}: what an administrator changed (email, displayName, staffNumber; comma separated).</summary>
    ProfileChanged,
    /// <summary>{0}: the roles the person now has.</summary>
    Roles,
    PhoneRemovedByAdministrator,
    /// <summary>{0}: the masked phone.</summary>
    PhoneSetByAdministrator,
    /// <summary>{0}: the masked phone.</summary>
    PhoneVerified,
    /// <summary>{0}: the masked phone.</summary>
    PhoneMoved,
    /// <summary>{0}: the masked phone, {1}: the purpose.</summary>
    SmsSent,
    /// <summary>{0}: the masked phone, {1}: the purpose, {2}: the gateway's error.</summary>
    SmsFailed,
    Portal,
    UnknownAccount,
    LockedOut,
    WrongPassword,
    Refused,
    Kiosk,
    /// <summary>{0}: the device's name, {1}: its address.</summary>
    KioskDevice,
    /// <summary>{0}: how many tokens.</summary>
    TokenCount,
    /// <summary>{0}: how many tokens were revoked with it.</summary>
    TokensRevokedWith,
    /// <summary>{0}: the token's id.</summary>
    Token,
    /// <summary>{0}: the masked card.</summary>
    Card,
    /// <summary>{0}: the old card, {1}: the new one.</summary>
    CardReplaced,
    /// <summary>{0}: the masked card, bound again after it was reported lost (the desk confirmed it).</summary>
    CardRebound,
    /// <summary>{0}: the old card, {1}: the new one, which had been reported lost.</summary>
    CardReplacedRebound,
    /// <summary>{0}: the grants, comma separated.</summary>
    Grants,
    /// <summary>{0}: the scopes, space separated.</summary>
    Scopes,
    /// <summary>{0}: the QR session.</summary>
    QrSession,
    /// <summary>{0}: the QR session.</summary>
    QrReplayed,
    /// <summary>{0}: the grant type.</summary>
    Grant,
    /// <summary>{0}: the grant type, {1}: why it was refused.</summary>
    GrantRefused,
    Rfc7009,
    /// <summary>{0}: the OAuth error.</summary>
    Rfc7009Refused,
}

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
        _ => "",
    };
}
