using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

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
    ILogger<LogoutSender> logger) : DeliveryWorker(time, logger)
{
    public const string HttpClientName = "backchannel-logout";

    protected override TimeSpan Interval => options.Value.FirstRetry;

    protected override string What => "logout notices";

    /// <summary>Every notice that is due, once each.</summary>
    public override async Task DeliverDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PassDbContext>();
        var now = Time.GetUtcNow();
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
        var started = Time.GetUtcNow();
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
            notice.DeliveredAt = Time.GetUtcNow();
            notice.LastError = null;
            return;
        }

        notice.LastError = error.Length > 200 ? error[..200] : error;
        notice.NextAttemptAt = started + Backoff(options.Value.FirstRetry, notice.Attempts, TimeSpan.FromHours(1));
        if (notice.NextAttemptAt - notice.CreatedAt > options.Value.GiveUpAfter)
        {
            notice.Status = LogoutNoticeStatus.GivenUp;
            Logger.LogWarning("Gave up telling client {ClientId} of a sign-out after {Attempts} attempts: {Error}.", notice.ClientId, notice.Attempts, notice.LastError);
        }
    }
}
