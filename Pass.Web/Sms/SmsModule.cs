using Pass.Shared.Sms;
using Pass.Web.Hosting;

namespace Pass.Web.Sms;

public static class SmsModule
{
    /// <summary>SMS codes: their options, sender and redeemer, the outbox, and what carries the messages.</summary>
    public static IServiceCollection AddSmsServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PhoneNormalizer>();
        services.AddScoped<SmsCodeSender>();
        services.AddScoped<SmsCodeRedeemer>();
        services.AddScoped<ISmsOutbox, ServerSmsOutbox>();

        // A gateway URL: messages go out over HTTP; without one they stay in the outbox (and the console in Development).
        if (configuration.GetSection(SmsOptions.Section).Get<SmsOptions>()?.Gateway.Url is not null)
        {
            services.AddHttpClient<ISmsSender, HttpGatewaySmsSender>();
        }
        else
        {
            services.AddSingleton<ISmsSender, OutboxOnlySmsSender>();
        }

        return services;
    }
}
