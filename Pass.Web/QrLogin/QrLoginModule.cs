using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Oauth;

namespace Pass.Web.QrLogin;

/// <summary>
/// QR sign-in (SPEC §2.2): sessions a person's app or "My QR code" creates, their live status, the administrators'
/// board, and the QR grant a subsystem redeems a scanned code with.
/// </summary>
public static class QrLoginModule
{
    public static WebApplicationBuilder AddQrLogin(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QrOptions>().BindConfiguration(QrOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<QrLoginService>()
            .AddSingleton<QrSessionNotifier>()
            .AddScoped<IMyQrService, ServerMyQrService>()
            .AddScoped<IQrBoard, ServerQrBoard>()
            .AddTokenGrant<QrGrant>(PassGrantTypes.Qr);
        return builder;
    }

    public static IEndpointRouteBuilder MapQrLogin(this IEndpointRouteBuilder routes) =>
        routes.MapQrLoginEndpoints().MapMyQrEndpoints().MapQrBoardEndpoints();
}
