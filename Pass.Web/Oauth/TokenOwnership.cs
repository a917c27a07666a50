using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Pass.Shared.Oauth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers;

namespace Pass.Web.Oauth;

/// <summary>
/// A client revokes only its own tokens (RFC 7009 §2.1) and introspection answers only the token's own client or a
/// resource server allowed <see cref="PassPermissions.IntrospectAny"/> (RFC 7662 §4); anyone else, and any token that is
/// not an access or refresh token, hears <c>{"active":false}</c>. Every token names its client (presenter) and Pass's
/// API (audience), which is what OpenIddict's own revocation check needs. check_token stays open to every subsystem
/// handed a token.
/// </summary>
public sealed class TokenOwnership(IOpenIddictApplicationManager applications) :
    IOpenIddictServerHandler<ValidateIntrospectionRequestContext>,
    IOpenIddictServerHandler<ApplyIntrospectionResponseContext>
{
    public static OpenIddictServerHandlerDescriptor IntrospectionCaller { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateIntrospectionRequestContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientIdParameter>()
            .UseScopedHandler<TokenOwnership>()
            .SetOrder(Introspection.ValidateAuthorizedParty.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public static OpenIddictServerHandlerDescriptor InactiveAnswer { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyIntrospectionResponseContext>()
            .UseScopedHandler<TokenOwnership>()
            .SetOrder(Introspection.NormalizeErrorResponse.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>Before OpenIddict stores the tokens of a grant: whose they are, and for what.</summary>
    public static void Stamp(System.Security.Claims.ClaimsPrincipal principal, string clientId)
    {
        principal.SetPresenters(clientId);
        if (principal.GetAudiences().IsEmpty)
        {
            principal.SetAudiences(PassAudiences.Api);
        }
    }

    public async ValueTask HandleAsync(ValidateIntrospectionRequestContext context)
    {
        var principal = context.GenericTokenPrincipal!;
        var own = principal.HasPresenter(context.ClientId!) || principal.HasAudience(context.ClientId!);
        if (own)
        {
            return;
        }

        var resourceServer = principal.HasTokenType(TokenTypeIdentifiers.AccessToken)
            && await applications.FindByClientIdAsync(context.ClientId!) is { } caller
            && await applications.HasPermissionAsync(caller, PassPermissions.IntrospectAny);
        if (!resourceServer)
        {
            context.Reject(Errors.InvalidToken, "The token was not issued to this client.");
        }
    }

    /// <summary>RFC 7662 §2.2: a token the caller may not see, or of a kind not introspected, is just inactive.</summary>
    public ValueTask HandleAsync(ApplyIntrospectionResponseContext context)
    {
        if (context.Transaction.GetHttpRequest()?.HttpContext.Response is { } response)
        {
            response.Headers.CacheControl = "no-store";
            response.Headers.Pragma = "no-cache";
        }

        if (context.Response.Error is Errors.UnsupportedTokenType or Errors.InvalidToken)
        {
            context.Response = new OpenIddictResponse { [Parameters.Active] = false };
        }

        return ValueTask.CompletedTask;
    }
}
