namespace Pass.Web.Logout;

public static class LogoutSetup
{
    /// <summary>Back-Channel Logout: the outbox, its sender, the logout tokens.</summary>
    public static IServiceCollection AddPassLogout(this IServiceCollection services)
    {
        services.AddOptions<LogoutOptions>().BindConfiguration(LogoutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LogoutTokens>();
        services.AddSingleton<LogoutSender>();
        services.AddHostedService(sp => sp.GetRequiredService<LogoutSender>());
        services.AddScoped<LogoutOutbox>();
        services.AddScoped<FrontchannelLogout>();

        // A site's logout endpoint is called as it is: no redirects followed (a notice is for that address only).
        services.AddHttpClient(LogoutSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
