using System.Text.Json.Serialization;

namespace Pass.Shared.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<CardBindingStatus>))]
public enum CardBindingStatus
{
    /// <summary>The card identifies its person.</summary>
    Active,

    /// <summary>Reported lost: blocked, and what it issued is revoked.</summary>
    Lost,

    /// <summary>Another card took its place.</summary>
    Replaced,

    /// <summary>Unbound by the helpdesk (returned, or bound by mistake).</summary>
    Unbound,
}
