namespace Pass.Shared.Sms;

/// <summary>
/// One message of the SMS outbox. <see cref="Text"/> is shown only in Development (it carries live codes);
/// <see cref="Error"/> is the last failed attempt's; <see cref="NextAttemptAt"/> is set while it is pending.
/// </summary>
public sealed record SmsOutboxEntry(
    Guid Id,
    string Phone,
    string ClientId,
    string? Text,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    string? Error,
    SmsDeliveryStatus Status = SmsDeliveryStatus.Sent,
    int Attempts = 1,
    DateTimeOffset? NextAttemptAt = null);
