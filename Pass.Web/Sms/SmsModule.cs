using Pass.Shared.Oauth;
using Pass.Shared.Sms;
using Pass.Web.Oauth;

namespace Pass.Web.Sms;

/// <summary>SMS codes (SPEC §2.5): sending through the outbox and a gateway, the seed's code endpoint, and the SMS grant.</summary>
public static class SmsModule
{
    public static WebApplicationBuilder AddSms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SmsCodes>()
            .AddScoped<ISmsOutbox, ServerSmsOutbox>()
            .AddTokenGrant<SmsGrant>(PassGrantTypes.Sms);
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
