using OpenIddict.Server;
using Pass.Shared.Oauth;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Pass.Web.Oauth;

/// <summary>
/// The seed redeems a QR code as <c>grant_type=authorization_code&amp;code=&lt;auth_code&gt;</c>, without PKCE or
/// redirect_uri. Such a request is read as Pass's QR grant before OpenIddict validates it as an RFC 6749
/// authorization code (whose redemption here always carries a PKCE verifier).
/// </summary>
public sealed class SeedCodeGrantMapping : IOpenIddictServerHandler<ExtractTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ExtractTokenRequestContext>()
            .UseSingletonHandler<SeedCodeGrantMapping>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ExtractTokenRequestContext context)
    {
        if (context.Request is { GrantType: PassGrantTypes.AuthorizationCode } request
            && string.IsNullOrEmpty(request.CodeVerifier)
            && string.IsNullOrEmpty(request.RedirectUri))
        {
            // <phone>.<digits> is an SMS code (SPEC §2.5); anything else a QR auth_code.
            request.GrantType = IsSmsCode(request.Code) ? PassGrantTypes.Sms : PassGrantTypes.Qr;
        }

        return ValueTask.CompletedTask;
    }

    public static bool IsSmsCode(string? code)
    {
        var separator = code?.LastIndexOf('.') ?? -1;
        return separator > 0 && separator < code!.Length - 1
            && code[(separator + 1)..].All(char.IsAsciiDigit)
            && code[..separator].All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ');
    }
}
