using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Clients;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

/// <summary>
/// axe-core (tests/Pass.E2E/package.json) on every main page, as the role that uses it, in both languages, light and
/// dark: no critical or serious violation; the lesser ones are printed. One browser context per language and theme.
/// </summary>
public class AxeTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    private const string ConsentRedirect = "https://canteen.test/callback";

    private sealed record AxePage(string Path, string Name, bool Interactive = true);

    private static readonly AxePage[] Anonymous =
    [
        new("/", "home (signed out)"),
        new("/Account/Login", "sign-in", Interactive: false),
        new("/Account/ForgotPassword", "forgot password", Interactive: false),
        new("/Account/Lockout", "locked out", Interactive: false),
        new("/login/qr", "kiosk sign-in"),
        new("/no-such-page", "not found"),
    ];

    private static readonly AxePage[] Person =
    [
        // /admin as a plain person: the server's authorization redirects to the account page's access denied.
        new("/Account/AccessDenied", "access denied (account)", Interactive: false),
    ];

    private static readonly AxePage[] Administrator =
    [
        new("/", "home"),
        new("/me/qr", "my QR"),
        new("/me/cards", "my cards"),
        new("/me/tokens", "my tokens"),
        new("/me/messages", "my messages"),
        new("/Account/Manage", "profile", Interactive: false),
        new("/Account/Manage/ChangePassword", "password", Interactive: false),
        new("/Account/Manage/TwoFactorAuthentication", "two-factor", Interactive: false),
        new("/Account/Manage/ConnectedSites", "connected sites", Interactive: false),
        new("/Account/Manage/ExternalLogins", "linked accounts", Interactive: false),
        new("/Account/Manage/Email", "email", Interactive: false),
        new("/Account/Manage/Passkeys", "passkeys", Interactive: false),
        new("/Account/Manage/PersonalData", "personal data", Interactive: false),
        new("/Account/Manage/EnableAuthenticator", "authenticator app", Interactive: false),
        new("/login/qr/verify", "kiosk approval (phone)", Interactive: false),
        new("/helpdesk/cards", "card desk"),
        new("/admin", "dashboard"),
        new("/admin/users", "people"),
        new("/admin/clients", "clients"),
        new("/admin/tokens", "tokens"),
        new("/admin/qr", "QR board"),
        new("/admin/audit", "audit"),
        new("/admin/sms", "SMS outbox"),
        new("/admin/channels", "sign-in channels"),
        new(ConsentPath, "consent", Interactive: false),
    ];

    private static string ConsentPath => $"{PassRoutes.Authorize}?client_id=canteen-site&response_type=code&scope=openid%20profile"
        + $"&redirect_uri={Uri.EscapeDataString(ConsentRedirect)}&code_challenge=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG&code_challenge_method=S256";

    [Theory]
    [InlineData("en-US", "light")]
    [InlineData("en-US", "dark")]
    [InlineData("zh-CN", "light")]
    [InlineData("zh-CN", "dark")]
    public async Task Every_main_page_has_no_critical_or_serious_accessibility_violation(string locale, string scheme)
    {
        var axe = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        Assert.True(File.Exists(axe), "axe.min.js is missing: run `npm ci` in tests/Pass.E2E (./test.sh does) and build again.");
        await SeedAsync();
        await App.CreatePersonAsync("rui@test.local", "Rui Zhou");

        // Pass sends a strict Content Security Policy; only this context may inject the axe script.
        await using var context = await NewContextAsync(locale, scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, bypassCsp: true);
        await context.AddCookiesAsync([new Cookie { Name = "pass.dark", Value = scheme == "dark" ? "true" : "false", Url = BaseAddress.ToString() }]);
        var page = await context.NewPageAsync();
        var findings = new List<string>();
        var all = new List<string>();

        await AuditAllAsync(page, Anonymous, locale, axe, findings, all);
        await SignInAsync(page, "rui@test.local");
        await AuditAllAsync(page, Person, locale, axe, findings, all);
        await context.ClearCookiesAsync();
        await context.AddCookiesAsync([new Cookie { Name = "pass.dark", Value = scheme == "dark" ? "true" : "false", Url = BaseAddress.ToString() }]);
        await SignInAsync(page, PassApplication.AdminEmail, PassApplication.AdminPassword);
        await AuditAllAsync(page, Administrator, locale, axe, findings, all);

        // Every finding, the lesser ones too, for whoever reads the run (test-results/ beside the screenshots).
        var results = Path.Combine(AppContext.BaseDirectory, "test-results");
        Directory.CreateDirectory(results);
        await File.WriteAllLinesAsync(Path.Combine(results, $"axe-{locale}-{scheme}.txt"), all, TestContext.Current.CancellationToken);

        Assert.True(findings.Count == 0, $"critical or serious axe violations ({locale}, {scheme}):\n" + string.Join("\n", findings));
    }

    private async Task AuditAllAsync(IPage page, AxePage[] pages, string locale, string axe, List<string> findings, List<string> all)
    {
        var output = TestContext.Current.TestOutputHelper;
        foreach (var target in pages)
        {
            await page.GotoAsync(target.Path);
            if (target.Interactive)
            {
                await WaitInteractiveAsync(page);
            }

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", locale == "zh-CN" ? "zh-CN" : "en");
            // Every page's title is its one h1 (PageHeading), on interactive and server-rendered pages alike.
            await Expect(page.Locator("h1")).ToBeVisibleAsync(new() { Timeout = Patience });
            foreach (var violation in await RunAxeAsync(page, axe))
            {
                var line = $"{target.Name} ({target.Path}): {violation.Id} [{violation.Impact}] x{violation.Count} at {violation.Target} {violation.Html}";
                output?.WriteLine(line);
                all.Add(line);
                if (violation.Impact is "critical" or "serious")
                {
                    findings.Add(line + " — " + violation.Summary);
                }
            }
        }
    }

    private sealed record Violation(string Id, string Impact, int Count, string Target, string Html, string Summary);

    private static async Task<IReadOnlyList<Violation>> RunAxeAsync(IPage page, string axe)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = axe });

            // Colours are judged as they settle: a focused field's label fades to the primary colour, and a check made
            // mid-fade reads a colour the page never rests on.
            await page.AddStyleTagAsync(new() { Content = "*,*::before,*::after{transition:none!important;animation:none!important}" });
        }

        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.map(v => ({
                id: v.id, impact: v.impact ?? 'none', count: v.nodes.length,
                target: v.nodes[0].target.join(' '), html: v.nodes[0].html.replace(/\s+/g, ' ').slice(0, 160),
                summary: (v.nodes[0].failureSummary ?? '').replace(/\s+/g, ' ')
              }));
            }
            """);
        return result.Deserialize<List<Violation>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    // A card, tokens, a used QR code and a client that asks for consent, so the pages have something to show.
    private async Task SeedAsync()
    {
        var me = await Api.PersonTokensAsync(PassApplication.AdminEmail, PassApplication.AdminPassword);
        using var admin = await PortalSession.AdminAsync(App);
        var self = await admin.ReadAsync<Pass.Shared.Users.Me>(await admin.Http.GetAsync(PassRoutes.Me));
        await admin.PostAsync(PassRoutes.Cards, new BindCardRequest(self.Id, "04:A2:3B:1C", CardReaderFormat.HexUid));
        var code = await Api.CreateQrOkAsync(me.AccessToken);
        await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", code.AuthCode));
        await App.WithScopeAsync(sp => sp.GetRequiredService<ClientRegistry>().RegisterAsync(
            "Canteen", [PassGrantTypes.AuthorizationCode], null, "canteen-site", "canteen-site-secret-0123456789abcdef",
            redirectUris: [ConsentRedirect]));
    }
}
