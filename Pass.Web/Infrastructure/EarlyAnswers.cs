namespace Pass.Web.Infrastructure;

/// <summary>
/// Endpoints that answer right after the rate limits, as routing's short-circuit would but within the limits:
/// check_token authenticates its own bearer token, so it skips authentication, authorization and antiforgery.
/// </summary>
public static class EarlyAnswers
{
    private sealed class AnswersEarlyMetadata;

    public static TBuilder AnswersEarly<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new AnswersEarlyMetadata());

    public static IApplicationBuilder UseEarlyAnswers(this IApplicationBuilder app) =>
        app.Use((context, next) => context.GetEndpoint() is { RequestDelegate: { } answer } endpoint
            && endpoint.Metadata.GetMetadata<AnswersEarlyMetadata>() is not null ? answer(context) : next(context));
}
