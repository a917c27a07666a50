using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Pass.Web.Data;

namespace Pass.Web.Oauth;

/// <summary>
/// Removes dead tokens, authorizations, QR sessions and done logout notices on a schedule, and sweeps check_token's memory.
/// On PostgreSQL the shared part runs on one node at a time, under an advisory lock.
/// </summary>
public sealed class TokenPruner(
    IServiceScopeFactory scopes, TokenChecker checker, TimeProvider time, IOptions<TokenOptions> options, IOptions<Logout.LogoutOptions> logouts,
    ILogger<TokenPruner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TryPruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Pruning failed; it runs again at the next interval.");
            }
        }
    }

    /// <summary>Any fixed number: the nodes of a cluster ask for the same lock.</summary>
    public const long PruningLock = 0x5041_5353_5052_554E; // "PASSPRUN"

    /// <summary>Prunes now, after another node's round if one is running.</summary>
    public Task PruneAsync(CancellationToken ct) => RoundAsync(waitForTurn: true, ct);

    /// <summary>The scheduled round: false when another node of the cluster is pruning (its round serves for this one).</summary>
    public Task<bool> TryPruneAsync(CancellationToken ct) => RoundAsync(waitForTurn: false, ct);

    private async Task<bool> RoundAsync(bool waitForTurn, CancellationToken ct)
    {
        var threshold = time.GetUtcNow() - options.Value.PruneAfter;
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<PassDbContext>().Database;
        checker.Sweep(); // every node sweeps its own memory; the shared tables need one node only
        if (database.IsNpgsql())
        {
            // One node of a cluster prunes at a time: whichever holds the lock. A node that dies lets go of it with its
            // connection, and another takes the next round.
            await database.OpenConnectionAsync(ct);
            if (waitForTurn)
            {
                await database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PruningLock})", ct);
            }
            else if (!await database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({PruningLock}) AS \"Value\"").SingleAsync(ct))
            {
                return false;
            }
        }

        try
        {
            await PruneSharedAsync(scope.ServiceProvider, threshold, ct);
            return true;
        }
        finally
        {
            if (database.IsNpgsql())
            {
                await database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PruningLock})", CancellationToken.None);
            }
        }
    }

    private async Task PruneSharedAsync(IServiceProvider services, DateTimeOffset threshold, CancellationToken ct)
    {
        var tokens = await services.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
        var authorizations = await services.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
        var db = services.GetRequiredService<PassDbContext>();
        var sessions = await db.QrSessions.Where(s => s.ExpiresAt < threshold).ExecuteDeleteAsync(ct);
        var noticesBefore = time.GetUtcNow() - logouts.Value.KeepFor;
        await db.LogoutNotices.Where(n => n.Status != LogoutNoticeStatus.Pending && n.CreatedAt < noticesBefore).ExecuteDeleteAsync(ct);
        logger.LogInformation("Pruned {Tokens} tokens, {Authorizations} authorizations, {Sessions} QR sessions.", tokens, authorizations, sessions);
    }
}
