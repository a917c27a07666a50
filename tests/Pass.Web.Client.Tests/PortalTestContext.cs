using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pass.Web.Client;

namespace Pass.Web.Client.Tests;

/// <summary>bUnit with the portal's real component services (MudBlazor, localization), loose JS and a fake clock.</summary>
public abstract class PortalTestContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected PortalTestContext()
    {
        // WaitFor* gives up after a second by default: on a loaded 2-core CI box a render can take longer than that.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        Services.AddPortalComponents();
        Services.AddSingleton<TimeProvider>(Time);
        JSInterop.Mode = JSRuntimeMode.Loose;
        UseCulture("en");
    }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
