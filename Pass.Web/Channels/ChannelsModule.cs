using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Pass.Shared.Channels;

namespace Pass.Web.Channels;

/// <summary>
/// The seed's channels (微信, 支付宝) as sign-in channels: a handler per provider on ASP.NET Core's OAuth handler, the
/// settings in effect (the channels page, else <c>Pass:Channels</c>), linking outside accounts to people, and the
/// sign-in, link and administration endpoints.
/// </summary>
public static class ChannelsModule
{
    public static string CallbackPath(ChannelKind kind) => "/signin-" + ChannelProvider.Scheme(kind);

    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChannelOptions>().BindConfiguration(ChannelOptions.Section);
        services.AddScoped<ChannelDirectory>();
        services.AddScoped<ExternalAccounts>();
        services.AddScoped<IChannelsAdmin, ServerChannelsAdmin>();

        var authentication = services.AddAuthentication();
        authentication.AddOAuth<ChannelAuthenticationOptions, WeChatHandler>(ChannelProvider.Scheme(ChannelKind.WeChatWebsite), "WeChat", o => o.Kind = ChannelKind.WeChatWebsite);
        authentication.AddOAuth<ChannelAuthenticationOptions, WeChatHandler>(ChannelProvider.Scheme(ChannelKind.WeChatOfficialAccount), "WeChat", o => o.Kind = ChannelKind.WeChatOfficialAccount);
        authentication.AddOAuth<ChannelAuthenticationOptions, AlipayHandler>(ChannelProvider.Scheme(ChannelKind.Alipay), "Alipay", o => o.Kind = ChannelKind.Alipay);
        services.AddSingleton<IConfigureOptions<ChannelAuthenticationOptions>, ChannelHandlerSetup>();
        return builder;
    }

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder routes) => routes.MapChannelEndpoints();

    /// <summary>Each channel's addresses from <c>Pass:Channels</c>, its callback, and where a failure goes.</summary>
    // Runs after each scheme's own configuration (which names its kind) and before OAuth's post-configuration builds the back channel.
    private sealed class ChannelHandlerSetup(IOptions<ChannelOptions> channels) : IConfigureNamedOptions<ChannelAuthenticationOptions>
    {
        public void Configure(ChannelAuthenticationOptions options) => Configure(Options.DefaultName, options);

        public void Configure(string? name, ChannelAuthenticationOptions options)
        {
            var config = channels.Value.Of(options.Kind);
            options.AuthorizationEndpoint = config.AuthorizationEndpoint;
            options.TokenEndpoint = config.TokenEndpoint;
            options.UserInformationEndpoint = config.UserInfoEndpoint ?? "";
            options.CallbackPath = CallbackPath(options.Kind);
            options.SignInScheme = Microsoft.AspNetCore.Identity.IdentityConstants.ExternalScheme;
            options.BackchannelTimeout = channels.Value.Timeout;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(ChannelReturn.Address(context.HttpContext, ChannelReturn.Failed, context.Properties));
                context.HandleResponse();
                return Task.CompletedTask;
            };
        }
    }
}
