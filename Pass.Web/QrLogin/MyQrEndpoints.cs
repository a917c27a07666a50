using Microsoft.AspNetCore.Http.HttpResults;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Infrastructure;

namespace Pass.Web.QrLogin;

/// <summary>The portal's "My QR code": the server picks the session id; the page watches the status as server-sent events.</summary>
public static class MyQrEndpoints
{
    public static IEndpointRouteBuilder MapMyQrEndpoints(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup(PassRoutes.Me + "/qr").WithTags("My account")
            .RequireAuthorization(PassPolicies.PortalUser)
            .RequireAntiforgeryOnWrites();
        me.MapPost("/", CreateAsync);
        me.MapGet("/{session}", FindAsync);
        me.MapGet("/{session}/events", WatchAsync)
            .WithSummary("The session's state now, then each change, as server-sent events; ends once used or expired.")
            .EndsOnShutdown();
        return routes;
    }

    public static async Task<Results<Ok<PortalQrCode>, ProblemHttpResult>> CreateAsync(IMyQrService qr, HttpResponse response, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await qr.CreateAsync(ct));
        }
        catch (QrLimitReachedException limit)
        {
            response.SetRetryAfter(limit.RetryAfter);
            return ApiExtensions.Problem(StatusCodes.Status429TooManyRequests, "Too many QR codes", limit.Message);
        }
    }

    public static async Task<Results<Ok<QrSessionView>, NotFound>> FindAsync(string session, IMyQrService qr, CancellationToken ct) =>
        await qr.GetAsync(session, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<ServerSentEventsResult<QrSessionView>, NotFound>> WatchAsync(string session, IMyQrService qr, CancellationToken ct)
    {
        if (await qr.GetAsync(session, ct) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.ServerSentEvents(qr.WatchAsync(session, ct), PassEvents.Status);
    }
}
