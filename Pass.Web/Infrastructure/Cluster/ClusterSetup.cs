using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Pass.Web.Infrastructure.Cluster;

public static class ClusterSetup
{
    /// <summary>A single node by default; with <c>Pass:Redis:Configuration</c> a member of a cluster on that Redis.</summary>
    public static IServiceCollection AddPassCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() is { Enabled: true } cluster)
        {
            // One connection for the bus and the shared rate limits; a Redis that is down now is connected to later.
            services.AddSingleton<IConnectionMultiplexer>(_ =>
            {
                var options = ConfigurationOptions.Parse(cluster.Configuration!);
                options.AbortOnConnectFail = false;
                return ConnectionMultiplexer.Connect(options);
            });
            services.AddSingleton<RedisClusterBus>();
            services.AddSingleton<IClusterBus>(provider => provider.GetRequiredService<RedisClusterBus>());
            services.AddHostedService(provider => provider.GetRequiredService<RedisClusterBus>());
        }
        else
        {
            services.TryAddSingleton<IClusterBus, SingleNodeBus>();
        }

        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        return services;
    }
}
