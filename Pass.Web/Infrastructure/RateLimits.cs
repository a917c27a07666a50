using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Pass.Web.Infrastructure.Cluster;
using StackExchange.Redis;

namespace Pass.Web.Infrastructure;

/// <summary>
/// The rate-limit policies, one per kind of request, which each module sets on its endpoint groups
/// (<c>RequireRateLimiting</c>); partitioned by caller. A refused request gets 429 with <c>Retry-After</c> and the usual
/// error body of its area. The limiter runs right after routing, before authentication and the endpoint.
/// </summary>
public static class RateLimits
{
    /// <summary>check_token, per address.</summary>
    public const string CheckToken = "check_token";

    /// <summary>Token, revocation and introspection POSTs, per client (HTTP Basic) or, without Basic, per address.</summary>
    public const string Token = "token";

    /// <summary>QR code creation and status, per address.</summary>
    public const string QrCode = "qrcode";

    /// <summary>Password sign-in POSTs (portal form and API), per address, per minute.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Person lookups by subsystems (<c>GET /oauth/v2/user</c>), per address, per minute.</summary>
    public const string PersonLookup = "person-lookup";

    public static IServiceCollection AddPassRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IServiceProvider>((limiter, limits, provider) =>
        {
            var options = limits.Value;
            var shared = new SharedLimits(provider);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // check_token never waits on the network: each node counts by itself, against its share of the limit.
            limiter.AddPolicy(CheckToken, context => shared.LocalShare(new(CheckToken, context.Connection.RemoteIpAddress, null), options.CheckTokenPerSecond));
            limiter.AddPolicy(Token, context => !HttpMethods.IsPost(context.Request.Method) ? NoLimit
                : shared.PerSecond(BasicClientId(context.Request) is { } client ? new(Token, null, client) : new(Token, context.Connection.RemoteIpAddress, null), options.TokenPerSecond));
            limiter.AddPolicy(QrCode, context => shared.PerSecond(new(QrCode, context.Connection.RemoteIpAddress, null), options.QrCodePerSecond));
            limiter.AddPolicy(SignIn, context => !HttpMethods.IsPost(context.Request.Method) ? NoLimit
                : shared.PerMinute(new LimitKey(SignIn, context.Connection.RemoteIpAddress, null), options.SignInPerMinute));
            limiter.AddPolicy(PersonLookup, context => shared.PerMinute(new LimitKey(PersonLookup, context.Connection.RemoteIpAddress, null), options.PersonLookupPerMinute));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var response = rejected.HttpContext.Response;
                response.SetRetryAfter(retryAfter);

                // The API and OAuth bodies come from their area's status code handler. A page (the sign-in form) would be
                // re-executed as the not-found page, so it says here what happened, in both of the portal's languages.
                if (RequestAreas.IsPage(rejected.HttpContext))
                {
                    var seconds = response.Headers.RetryAfter.ToString();
                    response.ContentType = "text/plain; charset=utf-8";
                    await response.WriteAsync($"Too many attempts; try again in {seconds} s.\n尝试次数过多，请 {seconds} 秒后再试。\n", ct);
                }
            };
        });
        return services;
    }

    /// <summary><c>Retry-After</c> in whole seconds, at least one.</summary>
    public static void SetRetryAfter(this HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Right after routing, so the policies of the matched endpoint apply.</summary>
    public static IApplicationBuilder UsePassRateLimits(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    private static readonly RateLimitPartition<LimitKey> NoLimit = RateLimitPartition.GetNoLimiter(default(LimitKey));

    /// <summary>
    /// What a request is counted by: its kind, and its caller's address or client id (no string built per request); with
    /// the number of nodes its share was taken for, so a node that joins or leaves starts fresh counts.
    /// </summary>
    private readonly record struct LimitKey(string Kind, IPAddress? Address, string? ClientId, int Nodes = 1)
    {
        public override string ToString() => $"{Kind}:{Address}:{ClientId}";
    }

    /// <summary>
    /// The limits of one node, or of a cluster: with Redis, a count shared by every node (<see cref="ClusterWindowLimiter"/>)
    /// for what already costs a database write (tokens, QR codes, sign-ins); a share of the limit counted here otherwise.
    /// </summary>
    private sealed class SharedLimits(IServiceProvider services)
    {
        private readonly IClusterBus _bus = services.GetRequiredService<IClusterBus>();
        private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();
        private readonly string _prefix = services.GetRequiredService<IOptions<ClusterOptions>>().Value.KeyPrefix + ":limit:";
        private readonly TimeProvider _time = services.GetRequiredService<TimeProvider>();

        public RateLimitPartition<LimitKey> LocalShare(LimitKey key, int perSecond)
        {
            var nodes = _bus.NodeCount;
            return RateLimitPartition.GetTokenBucketLimiter(key with { Nodes = nodes }, _ => TokenBucket(Share(perSecond, nodes)));
        }

        public RateLimitPartition<LimitKey> PerSecond(LimitKey key, int perSecond) => _redis is null
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => TokenBucket(perSecond))
            : Clustered(key, perSecond, TimeSpan.FromSeconds(1), share => new TokenBucketRateLimiter(TokenBucket(share)));

        public RateLimitPartition<LimitKey> PerMinute(LimitKey key, int perMinute) => _redis is null
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(perMinute))
            : Clustered(key, perMinute, TimeSpan.FromMinutes(1), share => new FixedWindowRateLimiter(Window(share)));

        private RateLimitPartition<LimitKey> Clustered(LimitKey key, int limit, TimeSpan window, Func<int, RateLimiter> local)
        {
            var nodes = _bus.NodeCount;
            return RateLimitPartition.Get(key with { Nodes = nodes }, k =>
                new ClusterWindowLimiter(_redis!, _prefix + k, Math.Max(1, limit), window, local(Share(limit, nodes)), _bus, _time));
        }

        private static int Share(int limit, int nodes) => Math.Max(1, (int)Math.Ceiling(Math.Max(1, limit) / (double)nodes));

        private static FixedWindowRateLimiterOptions Window(int perMinute) => new()
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        };

        private static TokenBucketRateLimiterOptions TokenBucket(int perSecond) => new()
        {
            TokenLimit = Math.Max(1, perSecond),
            TokensPerPeriod = perSecond >= 10 ? perSecond / 10 : 1,
            ReplenishmentPeriod = perSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1.0 / Math.Max(1, perSecond)),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

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
