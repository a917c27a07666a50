using Pass.Shared.Clients;

namespace Pass.Web.Clients;

/// <summary>Subsystems (OAuth clients): the registry over OpenIddict's applications, the clients API, CORS for single-page apps, <c>Pass:Clients</c>.</summary>
public static class ClientsModule
{
    public static WebApplicationBuilder AddClients(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ClientRegistry>()
            .AddScoped<IClientsAdmin, ServerClientsAdmin>()
            .AddSpaCors()
            .AddHostedService<ConfiguredClients>();
        return builder;
    }

    public static IEndpointRouteBuilder MapClients(this IEndpointRouteBuilder routes) => routes.MapClientEndpoints();
}
