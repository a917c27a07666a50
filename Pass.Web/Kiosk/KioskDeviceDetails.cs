using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Pass.Shared.Kiosk;
using Microsoft.AspNetCore;
using Pass.Shared.Oauth;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Pass.Web.Kiosk;

/// <summary>
/// At the device authorization endpoint: records which device asks and from where, so the person who scans the
/// code sees it before approving. OpenIddict copies these claims into the user code it issues.
/// </summary>
internal sealed class KioskDeviceDetails : IOpenIddictServerHandler<HandleDeviceAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleDeviceAuthorizationRequestContext>()
            .UseSingletonHandler<KioskDeviceDetails>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleDeviceAuthorizationRequestContext context)
    {
        var http = context.Transaction.GetHttpRequest()?.HttpContext;
        var name = DeviceLabel.Describe((string?)context.Request[PassParameters.DeviceName], http?.Request.Headers.UserAgent.ToString());

        // No authentication type: nobody is signed in yet, the request only describes the device.
        var identity = new ClaimsIdentity();
        identity.SetClaim(PassClaims.DeviceName, name)
            .SetClaim(PassClaims.DeviceAddress, http?.Connection.RemoteIpAddress is { } ip
                ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
                : null);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(context.Request.GetScopes());
        context.Principal = principal;
        return ValueTask.CompletedTask;
    }
}
