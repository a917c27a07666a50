using System.Text.Json.Serialization;

namespace Pass.Shared.Messages;

/// <summary>What a notice in a person's inbox is about: their own security, or a subsystem's message.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeKind>))]
public enum NoticeKind
{
    /// <summary>{0}: the masked card.</summary>
    CardReportedLost,

    /// <summary>{0}: the old card, {1}: the new one.</summary>
    CardReplaced,
    PasswordChanged,
    PasswordReset,

    /// <summary>{0}: the masked phone.</summary>
    PhoneLinked,

    /// <summary>{0}: the provider (WeChat, Alipay), {1}: the masked account.</summary>
    ExternalAccountLinked,

    /// <summary>{0}: the browser ("Chrome on Windows"), {1}: its address.</summary>
    NewDeviceSignIn,

    /// <summary>A subsystem's own words: its title, body and link.</summary>
    FromSubsystem,
}
