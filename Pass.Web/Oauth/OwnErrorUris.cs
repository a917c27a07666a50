using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Pass.Web.Oauth;

/// <summary>
/// A sign-in Pass refuses itself (login_required, consent_required, a locked account) goes back to the site without
/// OpenIddict's default <c>error_uri</c>, which describes access_denied whatever the error was: a link that explains
/// another error misleads an integrator more than none.
/// </summary>
internal sealed class OwnErrorUris : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    /// <summary>OpenIddict's page for "the authorization was denied by the resource owner".</summary>
    private const string AccessDeniedPage = "ID2015";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseSingletonHandler<OwnErrorUris>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        if (context.Response.Error is { } error && error != Errors.AccessDenied
            && context.Response.ErrorUri?.EndsWith(AccessDeniedPage, StringComparison.Ordinal) == true)
        {
            context.Response.ErrorUri = null;
        }

        return ValueTask.CompletedTask;
    }
}
