using System.Text.Json.Serialization;

namespace Pass.Shared.Users;

/// <summary>Whether a person may sign in now, as a subsystem is told it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PersonStatus>))]
public enum PersonStatus
{
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>Locked by an administrator or by lockout: every sign-in is refused.</summary>
    [JsonStringEnumMemberName("locked")]
    Locked,
}
