using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Pass.Web.Client.Localization;

namespace Pass.Web.Client;

/// <summary>What the portal's components need in both the server (prerendering) and the browser.</summary>
public static class PortalServices
{
    public static IServiceCollection AddPortalComponents(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddLocalization();
        services.AddTransient<MudLocalizer, PassMudLocalizer>();
        services.AddScoped<Services.PortalSession>();
        return services;
    }
}
