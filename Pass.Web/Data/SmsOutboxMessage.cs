using Pass.Shared.Sms;

namespace Pass.Web.Data;

/// <summary>
/// A message to a phone, kept until delivered and tried again until <see cref="GiveUpAt"/>: each attempt's failure is
/// recorded, and the code in the text is blanked once a gateway has it (or it is given up). Without a gateway it stays
/// readable for the Development outbox page.
/// </summary>
public sealed class SmsOutboxMessage
{
    public Guid Id { get; set; }

    public string Phone { get; set; } = "";

    public string Text { get; set; } = "";

    public string ClientId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? Error { get; set; }

    public SmsDeliveryStatus Status { get; set; } = SmsDeliveryStatus.Pending;

    public int Attempts { get; set; }

    /// <summary>When the delivery worker tries it next; null once it is sent or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>After this no attempt is made: a code's message is of no use once the code has expired.</summary>
    public DateTimeOffset GiveUpAt { get; set; }

    /// <summary>The code the text carries, while it is pending, so it can be blanked once delivered or given up.</summary>
    public string? CodeInText { get; set; }
}
