using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pass.Shared.Sms;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

namespace Pass.Web.Sms;

/// <summary>
/// Delivers the SMS outbox. A message gets its first attempt from whoever wrote it (the person is waiting for the
/// code); one that failed is tried again by this worker after a pause that doubles each time, until it is of no use
/// (<see cref="SmsOutboxMessage.GiveUpAt"/>). On several nodes one node delivers at a time (<see cref="NodeTurns"/>),
/// so a phone does not get one message twice.
/// </summary>
public sealed class SmsDelivery(IServiceScopeFactory scopes, IOptions<SmsOptions> options, TimeProvider time, ILogger<SmsDelivery> logger)
    : DeliveryWorker(time, logger)
{
    private SmsGatewayOptions Gateway => options.Value.Gateway;

    protected override TimeSpan Interval => Gateway.FirstRetry;

    protected override string What => "SMS messages";

    /// <summary>
    /// When the worker may first touch a message written now: after its writer's own attempt has had all its time,
    /// so the two never send it at once.
    /// </summary>
    public DateTimeOffset FirstRetryAt(DateTimeOffset now) => now + Gateway.Timeout + Gateway.FirstRetry;

    public override async Task DeliverDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PassDbContext>();
        await using var turn = await NodeTurns.TryTakeAsync(db.Database, NodeTurns.SmsDelivery, ct);
        if (turn is null)
        {
            return; // another node is delivering
        }

        var sender = scope.ServiceProvider.GetRequiredService<ISmsSender>();
        var now = Time.GetUtcNow();
        var due = await db.SmsOutbox
            .Where(m => m.Status == SmsDeliveryStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(100).ToListAsync(ct);
        foreach (var message in due)
        {
            await AttemptAsync(message, sender, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>One attempt, recorded on the message (saved by the caller): sent, the next attempt planned, or given up. Returns the failure, or null.</summary>
    public async Task<string?> AttemptAsync(SmsOutboxMessage message, ISmsSender sender, CancellationToken ct)
    {
        // The pause counts from when the attempt began, however long the gateway took to answer.
        var started = Time.GetUtcNow();
        message.Attempts++;
        string? error;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(Gateway.Timeout);
            try
            {
                error = await sender.SendAsync(message, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                error = "the gateway did not answer in time";
            }
        }

        message.Error = error is { Length: > 200 } ? error[..200] : error;
        if (error is null)
        {
            message.Status = SmsDeliveryStatus.Sent;
            message.SentAt = Time.GetUtcNow();
            message.NextAttemptAt = null;
            Forget(message);
            return null;
        }

        var next = started + Backoff(Gateway.FirstRetry, message.Attempts, Gateway.LongestPause);
        if (next < message.GiveUpAt)
        {
            message.NextAttemptAt = next;
            return error;
        }

        message.Status = SmsDeliveryStatus.GivenUp;
        message.NextAttemptAt = null;
        Forget(message);
        Logger.LogWarning("Gave up an SMS message for client {ClientId} after {Attempts} attempts: {Error}.", message.ClientId, message.Attempts, message.Error);
        return error;
    }

    /// <summary>
    /// Once a gateway has the text, or it will never be sent, the outbox need not keep a code readable (without a
    /// gateway, Development's outbox page is where the code is read).
    /// </summary>
    private void Forget(SmsOutboxMessage message)
    {
        if (message.CodeInText is { } code && (Gateway.Url is not null || message.Status == SmsDeliveryStatus.GivenUp))
        {
            message.Text = message.Text.Replace(code, new string('•', code.Length), StringComparison.Ordinal);
        }

        message.CodeInText = null;
    }
}
