namespace Pass.Web.Components;

public static class PortalSetup
{
    public static WebApplicationBuilder AddPassPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveWebAssemblyComponents()
            .AddAuthenticationStateSerialization();
        return builder;
    }

    public static WebApplication MapPassPortal(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseWebAssemblyDebugging();
        }

        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveWebAssemblyRenderMode()
            .AddAdditionalAssemblies(typeof(Client._Imports).Assembly);
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
