using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Pass.Shared.Oauth;

namespace Pass.Web.Hosting;

/// <summary>
/// Section <c>Pass:RateLimits</c>: requests per second per caller, by kind of request. The defaults leave room for a
/// busy campus behind one address (and for bench/run.sh) and stop floods; brute force on one account is stopped by
/// lockout, not by these.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Pass:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Token, revocation and introspection requests per client (HTTP Basic) or, without Basic, per address.</summary>
    public int TokenPerSecond { get; set; } = 2_000;

    /// <summary>check_token per address: subsystems call it on every request they serve.</summary>
    public int CheckTokenPerSecond { get; set; } = 100_000;

    /// <summary>QR code creation and status per address.</summary>
    public int QrCodePerSecond { get; set; } = 5_000;

    /// <summary>QR sessions one person may create per minute, by app and portal together (0: no limit).</summary>
    public int QrSessionsPerPersonPerMinute { get; set; } = 30;

    /// <summary>Password sign-ins (portal form and API) per address, per minute.</summary>
    public int SignInPerMinute { get; set; } = 600;
}

/// <summary>
/// ASP.NET Core rate limiting ahead of routing (check_token is answered by routing itself), partitioned by kind of
/// request and caller; a refused request gets 429 with <c>Retry-After</c> and the usual error body of its area.
/// </summary>
public static class RateLimits
{
    public static WebApplicationBuilder AddPassRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, LimitKey>(context => Partition(context, options));
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                rejected.HttpContext.Response.SetRetryAfter(retryAfter);
                return ValueTask.CompletedTask; // the error body comes from the area's status code handler
            };
        });
        return builder;
    }

    /// <summary><c>Retry-After</c> in whole seconds, at least one.</summary>
    public static void SetRetryAfter(this HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public static WebApplication UsePassRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<RateLimitOptions>().Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    /// <summary>What a request is counted by: its kind, and its caller's address or client id (no string built per request).</summary>
    private readonly record struct LimitKey(string Kind, IPAddress? Address, string? ClientId);

    private static RateLimitPartition<LimitKey> Partition(HttpContext context, RateLimitOptions options)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var address = context.Connection.RemoteIpAddress;
        if (Is(path, PassRoutes.CheckToken))
        {
            return PerSecond(new("check_token", address, null), options.CheckTokenPerSecond);
        }

        if (HttpMethods.IsPost(request.Method) && (Is(path, PassRoutes.Token) || Is(path, PassRoutes.Revoke) || Is(path, PassRoutes.Introspect)))
        {
            return PerSecond(BasicClientId(request) is { } client ? new("token", null, client) : new("token", address, null), options.TokenPerSecond);
        }

        if (Is(path, PassRoutes.QrCode) || Is(path, PassRoutes.QrCodeStatus))
        {
            return PerSecond(new("qrcode", address, null), options.QrCodePerSecond);
        }

        if (HttpMethods.IsPost(request.Method) && (Is(path, PassRoutes.Api + "/account/login") || Is(path, "/Account/Login")))
        {
            return RateLimitPartition.GetFixedWindowLimiter(new LimitKey("sign-in", address, null), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.SignInPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }

        return RateLimitPartition.GetNoLimiter(default(LimitKey));
    }

    private static RateLimitPartition<LimitKey> PerSecond(LimitKey key, int perSecond) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perSecond),
            TokensPerPeriod = perSecond >= 10 ? perSecond / 10 : 1,
            ReplenishmentPeriod = perSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1.0 / Math.Max(1, perSecond)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static bool Is(string path, string route) =>
        path.Equals(route, StringComparison.OrdinalIgnoreCase) || (path.Length == route.Length + 1 && path.EndsWith('/') && path.StartsWith(route, StringComparison.OrdinalIgnoreCase));

    /// <summary>The client id of an HTTP Basic header, unverified: only a key to count by (an unknown id gets its own count).</summary>
    private static string? BasicClientId(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is not { Length: > 0 and < 1024 } value)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[value.Length];
        if (!Convert.TryFromBase64String(value, bytes, out var written))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(bytes[..written]);
        var colon = decoded.IndexOf(':');
        return colon > 0 ? Uri.UnescapeDataString(decoded[..colon]) : null;
    }
}
