namespace Pass.Web.Infrastructure;

/// <summary>
/// Delivers an outbox in the background: woken at once when something is written to it (<see cref="Wake"/>), and
/// every <see cref="Interval"/> for what waits for its next attempt. A round that fails is logged and the next one
/// tries again; nothing is lost, since what is not delivered stays in the outbox.
/// </summary>
public abstract class DeliveryWorker(TimeProvider time, ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>How often a round runs when nothing wakes it.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What is delivered, for the log: "logout notices", "SMS messages".</summary>
    protected abstract string What { get; }

    /// <summary>Every message that is due, one attempt each.</summary>
    public abstract Task DeliverDueAsync(CancellationToken ct);

    /// <summary>The pause after a failed attempt: <paramref name="first"/>, doubled with each attempt, at most <paramref name="most"/>.</summary>
    public static TimeSpan Backoff(TimeSpan first, int attempts, TimeSpan most) =>
        TimeSpan.FromTicks(Math.Min(most.Ticks, first.Ticks << Math.Clamp(attempts - 1, 0, 20)));

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = Time.CreateTimer(_ => Wake(), null, Interval, Interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stoppingToken);
                await DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "Delivering {What} failed; they are tried again at the next round.", What);
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
