using OpenIddict.Abstractions;
using OpenIddict.Server;
using Pass.Shared.Oauth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Pass.Web.Oauth;

/// <summary>
/// The seed redeems a QR code as <c>grant_type=authorization_code&amp;code=&lt;auth_code&gt;</c>, without PKCE or
/// redirect_uri. Such a request is read as Pass's QR grant before OpenIddict validates it as an RFC 6749
/// authorization code (whose redemption here always carries a PKCE verifier).
/// </summary>
internal sealed class SeedCodeGrantMapping(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ExtractTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ExtractTokenRequestContext>()
            .UseScopedHandler<SeedCodeGrantMapping>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ExtractTokenRequestContext context)
    {
        if (context.Request is { GrantType: PassGrantTypes.AuthorizationCode } request
            && string.IsNullOrEmpty(request.CodeVerifier)
            && string.IsNullOrEmpty(request.RedirectUri))
        {
            // <phone>.<digits> is an SMS code (SPEC §2.5); anything else a QR auth_code.
            var seedGrant = IsSmsCode(request.Code) ? PassGrantTypes.Sms : PassGrantTypes.Qr;

            // A site allowed "Sign in with Pass" but not the seed's grant forgot its code_verifier: it stays an
            // authorization_code request, so the integrator hears what is missing, not "this client may not use the QR grant".
            var app = request.ClientId is { Length: > 0 } clientId ? await applications.FindByClientIdAsync(clientId) : null;
            if (app is null || await applications.HasPermissionAsync(app, Permissions.Prefixes.GrantType + seedGrant)
                || !await applications.HasPermissionAsync(app, Permissions.GrantTypes.AuthorizationCode))
            {
                request.GrantType = seedGrant;
            }
        }
    }

    public static bool IsSmsCode(string? code)
    {
        var separator = code?.LastIndexOf('.') ?? -1;
        return separator > 0 && separator < code!.Length - 1
            && code[(separator + 1)..].All(char.IsAsciiDigit)
            && code[..separator].All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ');
    }
}
