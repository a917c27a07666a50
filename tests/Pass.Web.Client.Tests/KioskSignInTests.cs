using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Kiosk;
using Pass.Web.Client.Components;

namespace Pass.Web.Client.Tests;

public class KioskSignInTests : PortalTestContext
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly KioskCode Code = new("device-code", "1234-5678-9012", "https://pass.example/login/qr/verify",
        "https://pass.example/login/qr/verify?user_code=123456789012", 300, Issued.AddSeconds(300));

    private IRenderedComponent<KioskPanel> RenderPanel(KioskSignInStatus status, DateTimeOffset now, KioskCode? code = null) =>
        Render<KioskPanel>(p => p.Add(x => x.Code, code ?? Code).Add(x => x.Status, status).Add(x => x.Now, now));

    private static string Shown(IRenderedComponent<KioskPanel> cut) => cut.Find("[data-testid=kiosk-panel]").GetAttribute("data-status")!;

    [Fact]
    public void A_pending_request_shows_the_verification_address_as_a_qr_code_with_the_code_to_type()
    {
        var cut = RenderPanel(KioskSignInStatus.Pending, Issued.AddSeconds(60));

        Assert.Equal("pending", Shown(cut));
        Assert.Equal(Code.VerificationUriComplete, cut.Find("[data-testid=qr-image]").GetAttribute("data-value"));
        Assert.Equal("1234-5678-9012", cut.Find("[data-testid=kiosk-user-code]").TextContent);
        Assert.Equal("Expires in 4:00", cut.Find("[data-testid=kiosk-countdown]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=kiosk-new]"));
    }

    [Fact]
    public void A_request_past_its_lifetime_is_expired_even_before_the_server_says_so()
    {
        var cut = RenderPanel(KioskSignInStatus.Pending, Issued.AddSeconds(301));

        Assert.Equal("expired", Shown(cut));
        Assert.Empty(cut.FindAll("[data-testid=qr-image]"));
        Assert.Single(cut.FindAll("[data-testid=kiosk-new]"));
    }

    [Fact]
    public void A_denied_request_says_so_and_offers_a_new_code()
    {
        var cut = RenderPanel(KioskSignInStatus.Denied, Issued.AddSeconds(10));

        Assert.Equal("denied", Shown(cut));
        Assert.Single(cut.FindAll("[data-testid=kiosk-new]"));
    }

    [Fact]
    public void Before_a_code_arrives_the_panel_says_it_is_preparing_one()
    {
        var cut = Render<KioskPanel>();

        Assert.Equal("preparing", Shown(cut));
        Assert.Empty(cut.FindAll("[data-testid=qr-image]"));
    }

    [Fact]
    public async Task An_approval_signs_the_kiosk_in_and_opens_the_return_address()
    {
        var kiosk = new ScriptedKiosk(Time);
        Services.AddSingleton<IKioskSignIn>(kiosk);
        var cut = Render<KioskSignInFlow>(p => p.Add(x => x.DeviceName, "Lobby").Add(x => x.ReturnUrl, "/me/cards"));
        cut.WaitForAssertion(() => Assert.Equal("pending", Shown(cut.FindComponent<KioskPanel>())));
        Assert.Equal("Lobby", kiosk.DeviceName);

        var navigated = NavigationAsync();
        await kiosk.PushAsync(KioskSignInStatus.Approved);

        // A full load, so the page is rendered again for the person now signed in.
        await navigated.WaitAsync(TimeSpan.FromSeconds(30), Xunit.TestContext.Current.CancellationToken);
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        Assert.Equal("/me/cards", Assert.Single(navigation.History).Uri);
        Assert.True(navigation.History.Single().Options.ForceLoad);
        Assert.Equal(1, kiosk.Completions);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        var kiosk = new ScriptedKiosk(Time);
        Services.AddSingleton<IKioskSignIn>(kiosk);
        var cut = Render<KioskSignInFlow>(p => p.Add(x => x.ReturnUrl, "//evil.example/"));
        cut.WaitForAssertion(() => Assert.Equal("pending", Shown(cut.FindComponent<KioskPanel>())));

        var navigated = NavigationAsync();
        await kiosk.PushAsync(KioskSignInStatus.Approved);

        await navigated.WaitAsync(TimeSpan.FromSeconds(30), Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("/", Assert.Single(Services.GetRequiredService<BunitNavigationManager>().History).Uri);
    }

    /// <summary>Completes at the next navigation (which renders nothing a render wait could observe).</summary>
    private Task NavigationAsync()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        navigation.LocationChanged += (_, _) => done.TrySetResult();
        return done.Task;
    }

    /// <summary>An <see cref="IKioskSignIn"/> whose event stream the test writes, as the server would.</summary>
    private sealed class ScriptedKiosk(TimeProvider time) : IKioskSignIn
    {
        private readonly Channel<KioskSignInStatus> _events = Channel.CreateUnbounded<KioskSignInStatus>();

        public string? DeviceName { get; private set; }

        public int Completions { get; private set; }

        public Task<KioskCode> StartAsync(string? deviceName, CancellationToken ct = default)
        {
            DeviceName = deviceName;
            return Task.FromResult(Code with { ExpiresAt = time.GetUtcNow().AddSeconds(300) });
        }

        public async Task PushAsync(KioskSignInStatus status) => await _events.Writer.WriteAsync(status);

        public async IAsyncEnumerable<KioskSignInStatus> WatchAsync(string deviceCode, [EnumeratorCancellation] CancellationToken ct)
        {
            yield return KioskSignInStatus.Pending;
            await foreach (var status in _events.Reader.ReadAllAsync(ct))
            {
                yield return status;
            }
        }

        public Task<KioskCompletion> CompleteAsync(string deviceCode, CancellationToken ct = default)
        {
            Completions++;
            return Task.FromResult(KioskCompletion.SignedIn);
        }
    }

    [Fact]
    public void The_countdown_bar_is_named_for_screen_readers()
    {
        var cut = RenderPanel(KioskSignInStatus.Pending, Issued.AddSeconds(60));

        Assert.Equal("Time left before the code expires", cut.Find("[role=progressbar]").GetAttribute("aria-label"));
    }
}
