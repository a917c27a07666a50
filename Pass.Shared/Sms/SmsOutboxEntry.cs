namespace Pass.Shared.Sms;

/// <summary>One message of the SMS outbox. <see cref="Text"/> is shown only in Development (it carries live codes).</summary>
public sealed record SmsOutboxEntry(Guid Id, string Phone, string ClientId, string? Text, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? Error);
