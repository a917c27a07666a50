namespace Pass.Web.Data;

/// <summary>
/// A message to a phone, kept until delivered: the gateway's answer is recorded, and the code in the text is
/// blanked once a gateway has it. Without a gateway it stays readable for the Development outbox page.
/// </summary>
public sealed class SmsOutboxMessage
{
    public Guid Id { get; set; }

    public string Phone { get; set; } = "";

    public string Text { get; set; } = "";

    public string ClientId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? Error { get; set; }
}
