namespace Pass.Web.Lookup;

/// <summary>The seed's users interface (用户): subsystems allowed <c>users:read</c> look a person up.</summary>
public static class LookupModule
{
    public static WebApplicationBuilder AddLookup(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PersonLookup>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLookup(this IEndpointRouteBuilder routes) => routes.MapPersonLookupEndpoints();
}
