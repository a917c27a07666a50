using Microsoft.Playwright;
using Pass.Web.Tests.Infrastructure;

namespace Pass.E2E;

/// <summary>One Pass on real Kestrel per test, and a fresh browser context; screenshots land in test-results/.</summary>
public abstract class PortalTest(ChromiumFixture chromium) : IAsyncLifetime
{
    // Generous: a new browser context boots WebAssembly from cold, slower on a loaded 2-core machine.
    protected static readonly float Patience = 90_000;

    protected PassApplication App { get; private set; } = null!;

    /// <summary>Configuration for this class's Pass (fake providers' addresses, a gateway), read as the test starts.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    protected Uri BaseAddress { get; private set; } = null!;

    protected OAuthApi Api { get; private set; } = null!;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        App = new PassApplication(settings: Settings, realClock: true);
        BaseAddress = App.StartKestrel();
        Api = new OAuthApi(new HttpClient { BaseAddress = BaseAddress });
        Context = await NewContextAsync();
        Page = await Context.NewPageAsync();
    }

    private readonly List<IPage> _extraPages = [];

    /// <summary>A second browser (a phone, a kiosk) whose page is also kept if the journey fails.</summary>
    protected async Task<IPage> NewPageInOwnContextAsync()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        _extraPages.Add(page);
        return page;
    }

    /// <summary>A phone's screen (a mid-size Android phone in CSS pixels), for journeys that must work in a hand.</summary>
    protected static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A fresh browser; <paramref name="bypassCsp"/> only where a test injects its own script (axe).</summary>
    protected Task<IBrowserContext> NewContextAsync(string locale = "en-US", ColorScheme scheme = ColorScheme.Light, ViewportSize? viewport = null,
        bool bypassCsp = false, string? userAgent = null) =>
        chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ColorScheme = scheme,
            BypassCSP = bypassCsp,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = viewport is not null,
            HasTouch = viewport is not null,
            UserAgent = userAgent,
        });

    protected async Task SignInAsync(IPage page, string email, string password = PassApplication.PersonPassword)
    {
        await page.GotoAsync("/Account/Login");
        await FillSignInAsync(page, email, password);
    }

    /// <summary>Signs in on the sign-in page the browser is on (wherever it came from) and waits to be sent on.</summary>
    protected static async Task FillSignInAsync(IPage page, string email, string password = PassApplication.PersonPassword)
    {
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(password);
        await page.Locator("#login-submit").ClickAsync();
        // Only the address: what comes next waits for what it needs (the page's load event can take long on a busy box).
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase),
            new() { Timeout = Patience, WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>Waits until WebAssembly has taken over the prerendered page, so clicks reach components.</summary>
    protected static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = Patience });

    protected async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "test-results");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public virtual async ValueTask DisposeAsync()
    {
        // A failed journey leaves what the browser showed, for whoever reads the CI log.
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            var name = TestContext.Current.Test?.TestDisplayName ?? "journey";
            var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-'))[..Math.Min(name.Length, 80)];
            foreach (var page in Context.Pages.Concat(_extraPages))
            {
                await ScreenshotAsync(page, $"failed-{safe}-{Array.IndexOf([.. Context.Pages.Concat(_extraPages)], page)}");
                Console.WriteLine($"[{safe}] {page.Url}\n{await page.InnerTextAsync("body")}");
            }
        }

        foreach (var page in _extraPages)
        {
            await page.Context.DisposeAsync();
        }

        await Context.DisposeAsync();
        Api.Http.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
