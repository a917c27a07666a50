using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Pass.Web.Kiosk;

/// <summary>
/// RFC 8628 §3.2 and §3.5: the device authorization answer says how often to poll (<c>interval</c>), and a device
/// that asks again sooner while its code still waits hears <c>slow_down</c> instead of <c>authorization_pending</c>.
/// An approved code is always redeemed, however soon. Remembered per node, by a hash of the device code, for the
/// code's lifetime.
/// </summary>
internal sealed class DevicePolling(IOptions<KioskOptions> options, TimeProvider time) :
    IOpenIddictServerHandler<ApplyDeviceAuthorizationResponseContext>,
    IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastPending = new(StringComparer.Ordinal);

    public static IEnumerable<OpenIddictServerHandlerDescriptor> Descriptors { get; } =
    [
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyDeviceAuthorizationResponseContext>()
            .UseSingletonHandler<DevicePolling>().SetOrder(int.MinValue + 100_000).SetType(OpenIddictServerHandlerType.Custom).Build(),
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<DevicePolling>().SetOrder(int.MinValue + 500).SetType(OpenIddictServerHandlerType.Custom).Build(),
    ];

    private TimeSpan Interval => options.Value.PollInterval;

    public ValueTask HandleAsync(ApplyDeviceAuthorizationResponseContext context)
    {
        if (context.Response.Error is null)
        {
            context.Response[Parameters.Interval] = (long)Interval.TotalSeconds;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        if (context.Request is not { GrantType: PassGrantTypes.DeviceCode, DeviceCode: { Length: > 0 } deviceCode }
            || context.Response.Error != Errors.AuthorizationPending)
        {
            return ValueTask.CompletedTask;
        }

        var now = time.GetUtcNow();
        var key = Secrets.Hash(deviceCode);
        var tooSoon = _lastPending.TryGetValue(key, out var last) && now - last < Interval;
        _lastPending[key] = now;
        if (tooSoon)
        {
            context.Response.Error = Errors.SlowDown;
            context.Response.ErrorDescription = $"Poll at most every {(long)Interval.TotalSeconds} seconds; wait 5 seconds more than before (RFC 8628 §3.5).";
            context.Response.ErrorUri = null;
        }

        Forget(now);
        return ValueTask.CompletedTask;
    }

    /// <summary>Codes that waited longer than any code lives are over.</summary>
    private void Forget(DateTimeOffset now)
    {
        if (_lastPending.Count < 1_000)
        {
            return;
        }

        foreach (var (key, last) in _lastPending)
        {
            if (now - last > options.Value.CodeLifetime)
            {
                _lastPending.TryRemove(key, out _);
            }
        }
    }
}
