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
            output?.WriteLine($"{fetch.Bytes,10:N0} {fetch.Decoded,11:N0}  {fetch.Encoding ?? "-",-5} {fetch.Status} {fetch.Path}");
        }

        output?.WriteLine($"{seen.Count} requests, {seen.Sum(f => f.Bytes):N0} bytes transferred (encodedDataLength: headers and body as received), "
            + $"{seen.Sum(f => f.Decoded):N0} decoded; WebAssembly {Transferred(seen, ".wasm"):N0}, ICU {Transferred(seen, ".dat"):N0}, "
            + $"scripts {Transferred(seen, ".js"):N0}, stylesheets {Transferred(seen, ".css"):N0}");
        Assert.All(seen, f => Assert.True(f.Status is >= 200 and < 400, $"{f.Path} answered {f.Status}"));
        var uncompressed = seen.Where(IsStaticAsset).Where(f => f.Encoding is not ("br" or "gzip")).Select(f => $"{f.Path} ({f.Bytes:N0} bytes)").ToList();
        Assert.True(uncompressed.Count == 0, "static assets served without br/gzip:\n" + string.Join("\n", uncompressed));

        // The header alone proves nothing: a file can go out stored in gzip's frame, as large as itself. Bodies of 8 KB
        // and more, so that headers do not count; the least compressible copy here (a Debug build's .pdb) is at 78 %.
        var stored = seen.Where(IsStaticAsset).Where(f => f.Decoded >= 8 * 1024 && f.Bytes >= f.Decoded * 9 / 10)
            .Select(f => $"{f.Path} ({f.Bytes:N0} bytes sent for {f.Decoded:N0})").ToList();
        Assert.True(stored.Count == 0, "static assets sent with a compression header but not compressed:\n" + string.Join("\n", stored));
    }

    private static long Transferred(IEnumerable<Fetch> seen, string extension) =>
        seen.Where(f => Path.GetExtension(f.Path.Split('?')[0]).Equals(extension, StringComparison.OrdinalIgnoreCase)).Sum(f => f.Bytes);

    private static bool IsStaticAsset(Fetch fetch)
    {
        var path = fetch.Path.Split('?')[0];
        return Path.HasExtension(path) && !CompressedFormats.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
    }
}
