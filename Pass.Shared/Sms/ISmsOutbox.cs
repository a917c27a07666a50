namespace Pass.Shared.Sms;

/// <summary>The administrators' view of the SMS outbox: what was sent, to whom, and what failed.</summary>
public interface ISmsOutbox
{
    Task<IReadOnlyList<SmsOutboxEntry>> RecentAsync(CancellationToken ct = default);
}
