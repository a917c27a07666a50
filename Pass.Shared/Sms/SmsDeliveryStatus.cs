using System.Text.Json.Serialization;

namespace Pass.Shared.Sms;

/// <summary>Where a message of the SMS outbox stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SmsDeliveryStatus>))]
public enum SmsDeliveryStatus
{
    /// <summary>Not yet taken by a gateway: tried again after a pause that doubles each time.</summary>
    Pending,

    Sent,

    /// <summary>Not delivered before it stopped being of use (a code expired); never tried again.</summary>
    GivenUp,
}
