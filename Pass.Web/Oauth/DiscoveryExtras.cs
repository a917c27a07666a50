using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Pass.Web.Oauth;

/// <summary>
/// What discovery says beyond OpenIddict's own list: apps without a secret (<c>none</c>) at the token and revocation
/// endpoints, and that Pass sends Back- and Front-Channel Logout with <c>sid</c> (OIDC Back-Channel Logout 1.0 §2.1,
/// Front-Channel Logout 1.0 §3).
/// </summary>
internal sealed class DiscoveryExtras : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<DiscoveryExtras>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        context.TokenEndpointAuthenticationMethods.Add(ClientAuthenticationMethods.None);
        context.RevocationEndpointAuthenticationMethods.Add(ClientAuthenticationMethods.None);
        context.Metadata["backchannel_logout_supported"] = true;
        context.Metadata["backchannel_logout_session_supported"] = true;
        context.Metadata["frontchannel_logout_supported"] = true;
        context.Metadata["frontchannel_logout_session_supported"] = true;
        return ValueTask.CompletedTask;
    }
}
