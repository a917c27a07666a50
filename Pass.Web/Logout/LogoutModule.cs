namespace Pass.Web.Logout;

/// <summary>Telling sites a sign-in is over: OIDC Back-Channel Logout (the outbox, its sender, the logout tokens) and Front-Channel Logout.</summary>
public static class LogoutModule
{
    public static WebApplicationBuilder AddLogout(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LogoutOptions>().BindConfiguration(LogoutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LogoutTokens>();
        services.AddSingleton<LogoutSender>();
        services.AddHostedService(sp => sp.GetRequiredService<LogoutSender>());
        services.AddScoped<LogoutOutbox>();
        services.AddScoped<FrontchannelLogout>();

        // A site's logout endpoint is called as it is: no redirects followed (a notice is for that address only).
        services.AddHttpClient(LogoutSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return builder;
    }
}
