using Pass.Web.Data;
namespace Pass.Web.Sms;

/// <summary>No gateway configured: the message stays in the outbox; in Development it is also printed, so Pass works out of the box.</summary>
public sealed class OutboxOnlySmsSender(IHostEnvironment environment) : ISmsSender
{
    public Task<string?> SendAsync(SmsOutboxMessage message, CancellationToken ct)
    {
        if (!environment.IsDevelopment())
        {
            return Task.FromResult<string?>("no SMS gateway is configured (Pass:Sms:Gateway:Url)");
        }

        // The console, not the log: the code must not reach log files.
        Console.WriteLine($"==== Pass (Development) SMS to {message.Phone}: {message.Text}");
        return Task.FromResult<string?>(null);
    }
}
