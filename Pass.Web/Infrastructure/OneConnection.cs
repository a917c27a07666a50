using Microsoft.EntityFrameworkCore;
using Pass.Web.Data;

namespace Pass.Web.Infrastructure;

/// <summary>
/// A token request reads and writes the database five or six times (client, token, payload, audit...); one pooled
/// SQLite connection held for the request saves opening and resetting it before each of them. Endpoints ask for it.
/// </summary>
public static class OneConnection
{
    private sealed class HoldsOneConnectionMetadata;

    public static TBuilder HoldsOneConnection<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new HoldsOneConnectionMetadata());

    /// <summary>After routing: a POST to a marked endpoint opens the connection once, before authentication reads the client.</summary>
    public static IApplicationBuilder UseOneConnectionPerRequest(this IApplicationBuilder app) =>
        app.UseWhen(Holds, oauth => oauth.Use(async (context, next) =>
        {
            var database = context.RequestServices.GetRequiredService<PassDbContext>().Database;
            await database.OpenConnectionAsync(context.RequestAborted);
            try
            {
                await next(context);
            }
            finally
            {
                await database.CloseConnectionAsync();
            }
        }));

    private static bool Holds(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<HoldsOneConnectionMetadata>() is not null;
}
