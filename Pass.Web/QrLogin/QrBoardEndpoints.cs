using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Infrastructure;

namespace Pass.Web.QrLogin;

/// <summary>The administrators' live QR board and dashboard counts.</summary>
public static class QrBoardEndpoints
{
    public static IEndpointRouteBuilder MapQrBoardEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup(PassRoutes.Api + "/qr-board").WithTags("Administration").RequireAuthorization(PassPolicies.Admin);
        admin.MapGet("/", async (IQrBoard board, CancellationToken ct, int count = 50) => TypedResults.Ok(await board.RecentAsync(count, ct)));
        admin.MapGet("/events", (IQrBoard board, CancellationToken ct) => TypedResults.ServerSentEvents(EventsAsync(board, ct)))
            .WithSummary("A \"ready\" event, then every QR session change as it happens (\"session\" events).")
            .EndsOnShutdown();
        admin.MapGet("/counts", async (IQrBoard board, CancellationToken ct) => TypedResults.Ok(await board.CountsAsync(ct)));
        return routes;
    }

    // The first event sends the response on its way at once, so a watcher knows it is connected before anything changes.
    private static async IAsyncEnumerable<SseItem<QrBoardEntry?>> EventsAsync(IQrBoard board, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return new SseItem<QrBoardEntry?>(null, PassEvents.Ready);
        await foreach (var entry in board.WatchAsync(ct))
        {
            yield return new SseItem<QrBoardEntry?>(entry, PassEvents.Session);
        }
    }
}
