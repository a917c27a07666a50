using OpenIddict.Server;
using Pass.Shared.Oauth;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Pass.Web.Oauth;

/// <summary>
/// Every grant Pass serves needs an authenticated client. A token request that names no client is
/// <c>invalid_client</c> (RFC 6749 §5.2) whatever its grant, where OpenIddict would call some of them
/// <c>invalid_request</c>.
/// </summary>
internal sealed class RequireClientAuthentication : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<RequireClientAuthentication>()
            .SetOrder(int.MinValue + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (string.IsNullOrEmpty(context.Request.ClientId))
        {
            context.Reject(OAuthErrors.InvalidClient, "Client authentication is required: send client_id and client_secret, or HTTP Basic.");
        }

        return ValueTask.CompletedTask;
    }
}
