using Microsoft.AspNetCore.Http.HttpResults;
using Pass.Shared.Messages;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;

namespace Pass.Web.Messages;

/// <summary>The signed-in person's inbox: <c>/api/me/notices</c>, and its unread count as server-sent events.</summary>
public static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup(PassRoutes.MyNotices).WithTags("My account")
            .RequireAuthorization(PassPolicies.PortalUser)
            .RequireAntiforgeryOnWrites();
        me.MapGet("/", async (IInbox inbox, CancellationToken ct) => TypedResults.Ok(await inbox.ListAsync(ct)))
            .WithSummary("The newest 100 notices: Pass's about the person's account, and subsystems' messages.");
        me.MapGet("/unread", async (IInbox inbox, CancellationToken ct) => TypedResults.Ok(await inbox.UnreadCountAsync(ct)));
        me.MapPost("/{id:guid}/read", MarkReadAsync);
        me.MapPost("/read-all", async (IInbox inbox, CancellationToken ct) =>
        {
            await inbox.MarkAllReadAsync(ct);
            return TypedResults.NoContent();
        });
        me.MapGet("/muted", async (IInbox inbox, CancellationToken ct) => TypedResults.Ok(await inbox.MutedAsync(ct)))
            .WithSummary("The subsystems whose messages the person does not want.");
        me.MapPut("/muted/{clientId}", async (string clientId, IInbox inbox, CancellationToken ct) =>
            await inbox.SetMutedAsync(clientId, true, ct) ? Results.NoContent() : Results.NotFound());
        me.MapDelete("/muted/{clientId}", async (string clientId, IInbox inbox, CancellationToken ct) =>
        {
            await inbox.SetMutedAsync(clientId, false, ct);
            return TypedResults.NoContent();
        });
        me.MapGet("/events", (IInbox inbox, CancellationToken ct) => TypedResults.ServerSentEvents(inbox.WatchUnreadAsync(ct), PassEvents.Unread))
            .WithSummary("The unread count now, then each time it changes (\"unread\" events).")
            .EndsOnShutdown();
        return routes;
    }

    public static async Task<Results<NoContent, NotFound>> MarkReadAsync(Guid id, IInbox inbox, CancellationToken ct) =>
        await inbox.MarkReadAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
