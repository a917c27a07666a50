namespace Pass.Web.Client.Services;

/// <summary>
/// Keeps a server-sent event stream open: each attempt reads the current state and follows the stream; a dropped
/// connection is retried with growing pauses. An attempt returns true when there is nothing more to follow.
/// </summary>
public static class LiveFeed
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    public static async Task RunAsync(Func<CancellationToken, Task<bool>> attempt, Func<bool, Task> onConnected, TimeProvider time, CancellationToken ct)
    {
        for (var failures = 0; !ct.IsCancellationRequested; failures++)
        {
            try
            {
                if (await attempt(ct))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                await onConnected(false);
            }

            try
            {
                await Task.Delay(Pauses[Math.Min(failures, Pauses.Length - 1)], time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
