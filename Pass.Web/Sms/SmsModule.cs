using Pass.Shared.Oauth;
using Pass.Shared.Sms;
using Pass.Web.Oauth;

namespace Pass.Web.Sms;

/// <summary>SMS codes (SPEC §2.5): the sender and the redeemer, the outbox and what carries the messages, the seed's code endpoint, the SMS grant.</summary>
public static class SmsModule
{
    public static WebApplicationBuilder AddSms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SmsCodeSender>()
            .AddScoped<SmsCodeRedeemer>()
            .AddScoped<ISmsOutbox, ServerSmsOutbox>()
            .AddTokenGrant<SmsGrant>(PassGrantTypes.Sms);
        services.AddSingleton<SmsDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<SmsDelivery>());

        // A gateway URL: messages go out over HTTP; without one they stay in the outbox (and the console in Development).
        if (builder.Configuration.GetSection(SmsOptions.Section).Get<SmsOptions>()?.Gateway.Url is not null)
        {
            services.AddHttpClient<ISmsSender, HttpGatewaySmsSender>();
        }
        else
        {
            services.AddSingleton<ISmsSender, OutboxOnlySmsSender>();
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapSms(this IEndpointRouteBuilder routes) => routes.MapSmsEndpoints();
}
