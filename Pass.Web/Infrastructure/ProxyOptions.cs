namespace Pass.Web.Infrastructure;

/// <summary>
/// <c>Pass:Proxy</c>: the load balancers or reverse proxies in front of Pass. A request from one of them is taken to come
/// from the address in its <c>X-Forwarded-For</c> (and over the scheme in <c>X-Forwarded-Proto</c>), so per-address
/// limits, audit lines and the kiosk's shown address name the client, not the proxy. Nothing is trusted by default.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Pass:Proxy";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.2</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies a request may have passed, read from the right of <c>X-Forwarded-For</c>.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
