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
    /// <summary>{0}: what the subsystem looked the person up by (sub, a masked card or phone).</summary>
    LookedUpBy,
    /// <summary>{0}: the message's title.</summary>
    Message,
    /// <summary>{0}: the message's title; the person has muted the subsystem.</summary>
    MessageMuted,
    /// <summary>{0}: the provider (WeChat, Alipay), {1}: the masked account.</summary>
    ExternalAccount,
    /// <summary>{0}: the channel signed in with, {1}: the masked account.</summary>
    ExternalSignIn,
    /// <summary>{0}: the provider, {1}: the masked account; it is another person's.</summary>
    ExternalAccountTaken,
    /// <summary>{0}: the provider, {1}: the account's name there (or its masked id), {2}: how the person proved who they are (pwd, sms, session).</summary>
    ExternalAccountLinkedBy,
    /// <summary>{0}: the channel, {1}: what changed (comma separated).</summary>
    ChannelChanged,
    /// <summary>{0}: the browser ("Chrome on Windows"), {1}: its address.</summary>
    NewDevice,
}
