using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Pass.Web.Data;

namespace Pass.Web.Oauth;

/// <summary>Removes dead tokens, authorizations, QR sessions and done logout notices on a schedule, and sweeps check_token's memory.</summary>
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
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Pruning failed; it runs again at the next interval.");
            }
        }
    }

    public async Task PruneAsync(CancellationToken ct)
    {
        var threshold = time.GetUtcNow() - options.Value.PruneAfter;
        await using var scope = scopes.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
        var db = scope.ServiceProvider.GetRequiredService<PassDbContext>();
        var sessions = await db.QrSessions.Where(s => s.ExpiresAt < threshold).ExecuteDeleteAsync(ct);
        var noticesBefore = time.GetUtcNow() - logouts.Value.KeepFor;
        await db.LogoutNotices.Where(n => n.Status != LogoutNoticeStatus.Pending && n.CreatedAt < noticesBefore).ExecuteDeleteAsync(ct);
        checker.Sweep();
        logger.LogInformation("Pruned {Tokens} tokens, {Authorizations} authorizations, {Sessions} QR sessions.", tokens, authorizations, sessions);
    }
}
