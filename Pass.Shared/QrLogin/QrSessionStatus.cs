using System.Text.Json.Serialization;

namespace Pass.Shared.QrLogin;

/// <summary>The seed's scan states, <c>unused</c> and <c>used</c>, plus <c>expired</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QrSessionStatus>))]
public enum QrSessionStatus
{
    [JsonStringEnumMemberName("unused")]
    Unused,

    [JsonStringEnumMemberName("used")]
    Used,

    [JsonStringEnumMemberName("expired")]
    Expired,
}
