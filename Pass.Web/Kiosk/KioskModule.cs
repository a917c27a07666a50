using Pass.Shared.Oauth;
using Pass.Web.Oauth;

namespace Pass.Web.Kiosk;

/// <summary>
/// "Scan to sign in on this screen": the RFC 8628 device flow a kiosk page runs, the phone's approval page, the
/// kiosk's live stream, and the device-code grant.
/// </summary>
public static class KioskModule
{
    public static WebApplicationBuilder AddKiosk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var kiosk = builder.Configuration.GetSection(KioskOptions.Section).Get<KioskOptions>() ?? new KioskOptions();
        services.AddOptions<KioskOptions>().BindConfiguration(KioskOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<KioskRequests>()
            .AddSingleton<KioskSignInNotifier>()
            .AddTokenGrant<DeviceCodeGrant>();

        services.AddOpenIddict().AddServer(server =>
        {
            server.SetDeviceAuthorizationEndpointUris(OauthModule.Relative(PassRoutes.DeviceAuthorization))
                .SetEndUserVerificationEndpointUris(OauthModule.Relative(PassRoutes.KioskVerify), OauthModule.Relative(PassRoutes.KioskDecide))
                .AllowDeviceAuthorizationFlow()
                .SetDeviceCodeLifetime(kiosk.CodeLifetime)
                .SetUserCodeLifetime(kiosk.CodeLifetime)
                .AddEventHandler(KioskDeviceDetails.Descriptor);
            foreach (var descriptor in DevicePolling.Descriptors)
            {
                server.AddEventHandler(descriptor);
            }

            server.UseAspNetCore().EnableEndUserVerificationEndpointPassthrough();
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapKiosk(this IEndpointRouteBuilder routes) => routes.MapKioskEndpoints();
}
