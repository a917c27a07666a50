using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

/// <summary>What a signed-in person's browser fetches on a first visit of My QR code with an empty cache.</summary>
public class FirstLoadTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    // Formats that are compressed already; the SDK rightly serves them as they are.
    private static readonly string[] CompressedFormats = [".png", ".jpg", ".webp", ".woff2", ".ico"];

    [Fact]
    public async Task A_first_visit_of_my_qr_serves_every_static_asset_compressed_and_nothing_404s()
    {
        await App.CreatePersonAsync("fay@test.local", "Fay Ng");
        await SignInAsync(Page, "fay@test.local");

        // The same sign-in cookie in a browser with nothing cached.
        await using var cold = await Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            StorageState = await Context.StorageStateAsync(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await cold.NewPageAsync();
        await using var network = await NetworkLog.StartAsync(cold, page);

        await page.GotoAsync("/me/qr");
        await Expect(page.Locator("[data-testid=qr-image]")).ToBeVisibleAsync(new() { Timeout = Patience });
        await WaitInteractiveAsync(page);
        var seen = await network.SettledAsync(TimeSpan.FromMilliseconds(Patience));

        var output = TestContext.Current.TestOutputHelper;
        foreach (var fetch in seen.OrderByDescending(f => f.Bytes))
        {
            output?.WriteLine($"{fetch.Bytes,10:N0}  {fetch.Encoding ?? "-",-5} {fetch.Status} {fetch.Path}");
        }

        output?.WriteLine($"{seen.Count} requests, {seen.Sum(f => f.Bytes):N0} bytes transferred (encodedDataLength: headers and body as received)");
        Assert.All(seen, f => Assert.True(f.Status is >= 200 and < 400, $"{f.Path} answered {f.Status}"));
        var uncompressed = seen.Where(IsStaticAsset).Where(f => f.Encoding is not ("br" or "gzip")).Select(f => $"{f.Path} ({f.Bytes:N0} bytes)").ToList();
        Assert.True(uncompressed.Count == 0, "static assets served without br/gzip:\n" + string.Join("\n", uncompressed));
    }

    private static bool IsStaticAsset(Fetch fetch)
    {
        var path = fetch.Path.Split('?')[0];
        return Path.HasExtension(path) && !CompressedFormats.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
    }
}
