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
        // One node of a cluster prunes at a time: whichever holds the turn. A node that dies lets go of it with its
        // connection, and another takes the next round.
        await using var turn = waitForTurn
            ? await NodeTurns.TakeAsync(database, NodeTurns.Pruning, ct)
            : await NodeTurns.TryTakeAsync(database, NodeTurns.Pruning, ct);
        if (turn is null)
        {
            return false;
        }

        await PruneSharedAsync(scope.ServiceProvider, threshold, ct);
        return true;
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
