using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Pass.Web.Infrastructure;

/// <summary>The client's own address and scheme from the proxies of <see cref="ProxyOptions"/>, before anything reads them.</summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddPassProxies(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations()
            .Validate(proxies => proxies.KnownProxies.All(proxy => IPAddress.TryParse(proxy, out _)), "Pass:Proxy:KnownProxies: each entry is an IP address.")
            .Validate(proxies => proxies.KnownNetworks.All(network => System.Net.IPNetwork.TryParse(network, out _)), "Pass:Proxy:KnownNetworks: each entry is a network in CIDR notation (10.0.0.0/24).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, configured) =>
        {
            var proxies = configured.Value;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxies.ForwardLimit;

            // Only the configured ones: the framework's default trusts loopback, which a test or a sidecar may be.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    public static IApplicationBuilder UsePassProxies(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
