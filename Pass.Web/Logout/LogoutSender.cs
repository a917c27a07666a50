using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pass.Web.Data;

namespace Pass.Web.Logout;

/// <summary>
/// Delivers the outbox: each pending notice is posted to its site (<c>logout_token</c>, form-encoded); a 2xx answer
/// delivers it, anything else waits twice as long as the time before, up to an hour, until
/// <see cref="LogoutOptions.GiveUpAfter"/>. Woken at once when a notice is written, and every
/// <see cref="LogoutOptions.FirstRetry"/> for the ones that wait. On several nodes two may deliver one notice at the
/// same moment: a site takes a logout token twice as once.
/// </summary>
public sealed class LogoutSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    LogoutTokens tokens,
    IOptions<LogoutOptions> options,
    TimeProvider time,
    ILogger<LogoutSender> logger) : BackgroundService
{
    public const string HttpClientName = "backchannel-logout";

    private readonly SemaphoreSlim _wake = new(0, 1);

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
        using var timer = time.CreateTimer(_ => Wake(), null, options.Value.FirstRetry, options.Value.FirstRetry);
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
                logger.LogWarning(ex, "Delivering logout notices failed; they are tried again at the next round.");
            }
        }
    }

    /// <summary>Every notice that is due, once each.</summary>
    public async Task DeliverDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PassDbContext>();
        var now = time.GetUtcNow();
        var due = await db.Set<LogoutNotice>()
            .Where(n => n.Status == LogoutNoticeStatus.Pending && n.NextAttemptAt <= now)
            .OrderBy(n => n.NextAttemptAt).Take(100).ToListAsync(ct);
        foreach (var notice in due)
        {
            await DeliverAsync(notice, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task DeliverAsync(LogoutNotice notice, CancellationToken ct)
    {
        // The pause counts from when the attempt began, however long the site took to answer.
        var started = time.GetUtcNow();
        notice.Attempts++;
        string? error;
        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await client.PostAsync(notice.Uri,
                new FormUrlEncodedContent([KeyValuePair.Create("logout_token", tokens.Create(notice))]), timeout.Token);
            error = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            error = ex is TaskCanceledException ? "no answer in time" : ex.Message;
        }

        if (error is null)
        {
            notice.Status = LogoutNoticeStatus.Delivered;
            notice.DeliveredAt = time.GetUtcNow();
            notice.LastError = null;
            return;
        }

        notice.LastError = error.Length > 200 ? error[..200] : error;
        var pause = TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, options.Value.FirstRetry.Ticks << Math.Min(notice.Attempts - 1, 20)));
        notice.NextAttemptAt = started + pause;
        if (notice.NextAttemptAt - notice.CreatedAt > options.Value.GiveUpAfter)
        {
            notice.Status = LogoutNoticeStatus.GivenUp;
            logger.LogWarning("Gave up telling client {ClientId} of a sign-out after {Attempts} attempts: {Error}.", notice.ClientId, notice.Attempts, notice.LastError);
        }
    }
}
