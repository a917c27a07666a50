namespace Pass.Web.Infrastructure;

/// <summary>
/// Live streams (server-sent events behind My QR, the kiosk and the QR board) stay open for as long as a page is
/// open. Kestrel's shutdown waits for every request to end, so an open page would hold a stop for the whole
/// shutdown timeout (30 s): a stream marked with <see cref="EndsOnShutdown"/> sees its request's cancellation
/// also when the host begins to stop, ends at once, and the browser's EventSource reconnects to a node that runs.
/// </summary>
public static class LiveStreams
{
    private sealed class EndsOnShutdownMetadata;

    public static RouteHandlerBuilder EndsOnShutdown(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new EndsOnShutdownMetadata());

    /// <summary>After routing: only the marked endpoints pay for the linked token.</summary>
    public static WebApplication UseLiveStreamsEndOnShutdown(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<EndsOnShutdownMetadata>() is null)
            {
                await next(context);
                return;
            }

            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            context.RequestAborted = ended.Token;
            await next(context);
        });
        return app;
    }
}
