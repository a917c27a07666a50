using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pass.Web.Tests.Infrastructure;

/// <summary>
/// Another party on real Kestrel at 127.0.0.1, on a port the OS picks: a site, an app's loopback listener, an SMS
/// gateway. <paramref name="map"/> gives it its endpoints; <c>configure</c> its services.
/// </summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public static async Task<LoopbackHost> StartAsync(Action<WebApplication> map, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        configure?.Invoke(builder);
        var app = builder.Build();
        map(app);
        var host = new LoopbackHost(app);
        await app.StartAsync();
        host.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return host;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
