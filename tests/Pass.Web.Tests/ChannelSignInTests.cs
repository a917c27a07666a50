using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Audit;
using Pass.Shared.Channels;
using Pass.Shared.Messages;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>
/// WeChat and Alipay sign-in against fake providers on 127.0.0.1, through real HTTP and cookies: linking never guesses,
/// one account links to one person, the providers' errors come back to the sign-in page, and a locked person is refused.
/// </summary>
public sealed partial class ChannelSignInTests : IAsyncLifetime
{
    private const string Email = "lin@test.local";
    private FakeChannelProviders _fake = null!;
    private PassApplication _app = null!;
    private Uri _pass = null!;
    private string _lin = "";

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeChannelProviders.StartAsync();
        _app = new PassApplication(settings: _fake.Settings(), realClock: true);
        _pass = _app.StartKestrel();
        _lin = await _app.CreatePersonAsync(Email, "Lin Wei");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
    }

    /// <summary>A browser: cookies, redirects followed from Pass to the provider and back.</summary>
    private HttpClient Browser(bool followRedirects = true) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = _pass };

    private static async Task<HttpResponseMessage> SignInWithAsync(HttpClient browser, ChannelKind kind, string returnUrl = "/me/qr") =>
        await browser.GetAsync($"{PassRoutes.ExternalSignIn}/{ChannelProvider.Scheme(kind)}?returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>Posts a server-rendered form of <paramref name="page"/> as a browser would: its antiforgery token, its handler name.</summary>
    private static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, HttpResponseMessage page, string handler, params (string Key, string Value)[] fields) =>
        PostFormToAsync(browser, page, page.RequestMessage!.RequestUri!.ToString(), handler, fields);

    private static async Task<HttpResponseMessage> PostFormToAsync(HttpClient browser, HttpResponseMessage page, string action, string? handler, params (string Key, string Value)[] fields)
    {
        var html = await page.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryField().Match(html).Groups[1].Value };
        if (handler is not null)
        {
            form["_handler"] = handler;
        }

        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return await browser.PostAsync(action, new FormUrlEncodedContent(form));
    }

    private static Task<HttpResponseMessage> LinkFromMyAccountAsync(HttpClient browser, HttpResponseMessage linkedAccounts, string scheme) =>
        PostFormToAsync(browser, linkedAccounts, PassRoutes.LinkedAccounts + "/link", null, ("scheme", scheme));

    private static async Task<string?> WhoAsync(HttpClient browser)
    {
        var me = await browser.GetAsync(PassRoutes.Me);
        return me.IsSuccessStatusCode ? (await me.Content.ReadFromJsonAsync<Me>())!.Email : null;
    }

    /// <summary>A first sign-in that links by password; the browser is then signed in as Lin.</summary>
    private async Task<HttpClient> LinkByPasswordAsync(ChannelKind kind)
    {
        var browser = Browser();
        var landing = await SignInWithAsync(browser, kind);
        Assert.Equal("/Account/ExternalLink", landing.RequestMessage!.RequestUri!.AbsolutePath);
        var done = await PostFormAsync(browser, landing, "link-password", ("PasswordInput.Email", Email), ("PasswordInput.Password", PassApplication.PersonPassword));
        Assert.Equal("/me/qr", done.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(Email, await WhoAsync(browser));
        return browser;
    }

    private Task<List<AuditEventView>> AuditAsync(AuditEventType type) =>
        _app.WithScopeAsync(async sp => (await sp.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery(Type: type))).Items.ToList());

    private Task<List<UserLoginInfo>> LoginsOfAsync(string userId) =>
        _app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return (await users.GetLoginsAsync((await users.FindByIdAsync(userId))!)).ToList();
        });

    [Fact]
    public async Task The_wechat_qr_challenge_speaks_wechat_appid_ordered_parameters_a_short_state_and_the_wechat_redirect_suffix()
    {
        using var browser = Browser(followRedirects: false);

        var challenge = await SignInWithAsync(browser, ChannelKind.WeChatWebsite);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!.ToString();
        var redirect = Uri.EscapeDataString(new Uri(_pass, "/signin-wechat-website").ToString());
        Assert.Matches("^" + Regex.Escape(_fake.Url("/connect/qrconnect")) + "\\?appid=" + FakeChannelProviders.WebsiteAppId
            + "&redirect_uri=" + Regex.Escape(redirect) + "&response_type=code&scope=snsapi_login&state=[0-9a-f]{32}#wechat_redirect$", location);
        Assert.DoesNotContain("secret", location);
    }

    [Fact]
    public async Task An_unlinked_wechat_account_signs_nobody_in_until_its_person_proves_who_they_are_then_it_signs_them_in_directly()
    {
        using var linked = await LinkByPasswordAsync(ChannelKind.WeChatWebsite);

        var login = Assert.Single(await LoginsOfAsync(_lin));
        Assert.Equal((ChannelProvider.WeChat, "union:union-p1", "小明"), (login.LoginProvider, login.ProviderKey, login.ProviderDisplayName));
        var line = Assert.Single(await AuditAsync(AuditEventType.ExternalAccountLinked));
        Assert.Equal((_lin, "WeChat 小明, proved by pwd", true), (line.SubjectUserId, line.Detail, line.Success));
        var notice = Assert.Single(await _app.WithScopeAsync(sp => sp.GetRequiredService<PassDbContext>().Notices.AsNoTracking().Where(n => n.UserId == _lin).ToListAsync()));
        Assert.Equal(NoticeKind.ExternalAccountLinked, notice.Kind);

        using var next = Browser();
        var direct = await SignInWithAsync(next, ChannelKind.WeChatWebsite);
        Assert.Equal("/me/qr", direct.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(Email, await WhoAsync(next));
        Assert.Contains(await AuditAsync(AuditEventType.SignIn), l => l.SubjectUserId == _lin && l.Detail == "WeChatWebsite ••••n-p1");
    }

    [Fact]
    public async Task A_wrong_password_links_nothing_and_counts_toward_lockout()
    {
        using var browser = Browser();
        var landing = await SignInWithAsync(browser, ChannelKind.WeChatWebsite);

        var refused = await PostFormAsync(browser, landing, "link-password", ("PasswordInput.Email", Email), ("PasswordInput.Password", "Not-The-Password-1"));

        Assert.Contains("data-testid=\"link-message\"", await refused.Content.ReadAsStringAsync());
        Assert.Empty(await LoginsOfAsync(_lin));
        Assert.Null(await WhoAsync(browser));
        Assert.Equal(1, await _app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(_lin))!.AccessFailedCount));
    }

    [Fact]
    public async Task A_person_with_two_factor_authentication_is_not_linked_on_a_password_alone()
    {
        await _app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return (await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(_lin))!, true)).Succeeded;
        });
        using var browser = Browser();
        var landing = await SignInWithAsync(browser, ChannelKind.WeChatWebsite);

        var refused = await PostFormAsync(browser, landing, "link-password", ("PasswordInput.Email", Email), ("PasswordInput.Password", PassApplication.PersonPassword));

        Assert.Contains("two-factor", await refused.Content.ReadAsStringAsync());
        Assert.Empty(await LoginsOfAsync(_lin));
        Assert.Null(await WhoAsync(browser));
    }

    [Fact]
    public async Task The_unionid_links_the_website_app_and_the_official_account_as_one_person()
    {
        using var _ = await LinkByPasswordAsync(ChannelKind.WeChatWebsite);

        using var inApp = Browser();
        var signedIn = await SignInWithAsync(inApp, ChannelKind.WeChatOfficialAccount);

        Assert.Equal("/me/qr", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(Email, await WhoAsync(inApp));
        Assert.Single(await LoginsOfAsync(_lin));
    }

    [Fact]
    public async Task An_alipay_account_links_and_signs_in_through_the_signed_gateway()
    {
        using var _ = await LinkByPasswordAsync(ChannelKind.Alipay);

        Assert.Equal((ChannelProvider.Alipay, "user:2088000000000001"), (await LoginsOfAsync(_lin)).Select(l => (l.LoginProvider, l.ProviderKey)).Single());
        using var next = Browser();
        await SignInWithAsync(next, ChannelKind.Alipay);
        Assert.Equal(Email, await WhoAsync(next));
        Assert.Equal(0, _fake.BadlySignedRequests);
        Assert.Contains(_fake.Authorizations, a => a.StartsWith("/oauth2/publicAppAuthorize.htm?app_id=" + FakeChannelProviders.AlipayAppId + "&scope=auth_user&redirect_uri=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_alipay_app_that_gives_open_id_links_under_the_open_id_of_that_app()
    {
        _fake.AlipayOpenId = true;

        using var _ = await LinkByPasswordAsync(ChannelKind.Alipay);

        Assert.Equal("open:" + FakeChannelProviders.AlipayAppId + ":074ap1", Assert.Single(await LoginsOfAsync(_lin)).ProviderKey);
    }

    public static TheoryData<string, ChannelKind> ProviderErrors => new()
    {
        { nameof(FakeChannelProviders.InvalidCode), ChannelKind.WeChatWebsite },
        { nameof(FakeChannelProviders.ReuseCode), ChannelKind.WeChatWebsite },
        { nameof(FakeChannelProviders.Snapshot), ChannelKind.WeChatOfficialAccount },
        { nameof(FakeChannelProviders.BadSignature), ChannelKind.Alipay },
        { nameof(FakeChannelProviders.ReuseCode), ChannelKind.Alipay },
        { nameof(FakeChannelProviders.Deny), ChannelKind.WeChatWebsite },
    };

    [Theory]
    [MemberData(nameof(ProviderErrors))]
    public async Task A_provider_error_answered_as_http_200_comes_back_to_the_sign_in_page_and_signs_nobody_in(string error, ChannelKind kind)
    {
        using var _ = await LinkByPasswordAsync(kind);
        typeof(FakeChannelProviders).GetProperty(error)!.SetValue(_fake, true);

        using var browser = Browser();
        var back = await SignInWithAsync(browser, kind);

        Assert.Equal("/Account/Login", back.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(error == nameof(FakeChannelProviders.Deny) ? "?channel=denied" : "?channel=failed", back.RequestMessage.RequestUri.Query);
        Assert.Contains("data-testid=\"channel-error\"", await back.Content.ReadAsStringAsync());
        Assert.Null(await WhoAsync(browser));
    }

    [Fact]
    public async Task A_callback_with_another_state_or_from_another_browser_is_refused()
    {
        using var browser = Browser(followRedirects: false);
        var toProvider = (await SignInWithAsync(browser, ChannelKind.WeChatWebsite)).Headers.Location!;
        using var provider = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var callback = (await provider.GetAsync(toProvider)).Headers.Location!.ToString();

        var tampered = await browser.GetAsync(Regex.Replace(callback, "state=[0-9a-f]{32}", "state=" + new string('a', 32)));
        using var stranger = Browser(followRedirects: false);
        var elsewhere = await stranger.GetAsync(callback);
        var own = await browser.GetAsync(callback);

        Assert.Equal("/Account/Login?channel=expired", tampered.Headers.Location!.ToString());
        Assert.Equal("/Account/Login?channel=expired", elsewhere.Headers.Location!.ToString());
        Assert.StartsWith(PassRoutes.ExternalDone, own.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_locked_person_is_refused_their_external_sign_in_and_it_is_audited()
    {
        using (await LinkByPasswordAsync(ChannelKind.WeChatWebsite))
        {
        }

        using var admin = await PortalSession.AdminAsync(_app);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{PassRoutes.Users}/{_lin}/lock")).StatusCode);
        using var browser = Browser();
        var refused = await SignInWithAsync(browser, ChannelKind.WeChatWebsite);

        Assert.Equal("/Account/Lockout", refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Null(await WhoAsync(browser));
        Assert.Contains(await AuditAsync(AuditEventType.SignInFailed), l => l.SubjectUserId == _lin && !l.Success);
    }

    [Fact]
    public async Task One_external_account_links_to_one_person_and_a_link_from_my_account_for_another_is_refused()
    {
        using (await LinkByPasswordAsync(ChannelKind.WeChatWebsite))
        {
        }

        var other = await _app.CreatePersonAsync("other@test.local", "Other");
        using var browser = Browser();
        var page = await browser.GetAsync("/Account/Login");
        var signedIn = await PostFormAsync(browser, page, "login", ("Input.Email", "other@test.local"), ("Input.Password", PassApplication.PersonPassword));
        Assert.True(signedIn.IsSuccessStatusCode);
        var linkedAccounts = await browser.GetAsync(PassRoutes.LinkedAccounts);

        var result = await LinkFromMyAccountAsync(browser, linkedAccounts, "wechat-website");

        Assert.Equal("?result=Taken", result.RequestMessage!.RequestUri!.Query);
        Assert.Empty(await LoginsOfAsync(other));
        Assert.Single(await LoginsOfAsync(_lin));
        Assert.Contains(await AuditAsync(AuditEventType.ExternalAccountLinked), l => l.SubjectUserId == other && !l.Success);
    }

    [Fact]
    public async Task A_link_from_my_account_that_the_provider_refuses_comes_back_to_my_linked_accounts_not_to_the_sign_in_page()
    {
        using var browser = Browser();
        await PostFormAsync(browser, await browser.GetAsync("/Account/Login"), "login", ("Input.Email", Email), ("Input.Password", PassApplication.PersonPassword));
        _fake.Deny = true;

        var back = await LinkFromMyAccountAsync(browser, await browser.GetAsync(PassRoutes.LinkedAccounts), "wechat-website");

        Assert.Equal((PassRoutes.LinkedAccounts, "?result=denied"), (back.RequestMessage!.RequestUri!.AbsolutePath, back.RequestMessage.RequestUri.Query));
        Assert.Contains("data-result=\"denied\"", await back.Content.ReadAsStringAsync());
        Assert.Equal(Email, await WhoAsync(browser));
        Assert.Empty(await LoginsOfAsync(_lin));
    }

    [Fact]
    public async Task A_person_links_and_unlinks_on_my_account_and_an_unlinked_account_signs_nobody_in()
    {
        using var browser = Browser();
        var page = await browser.GetAsync("/Account/Login");
        await PostFormAsync(browser, page, "login", ("Input.Email", Email), ("Input.Password", PassApplication.PersonPassword));
        var linked = await LinkFromMyAccountAsync(browser, await browser.GetAsync(PassRoutes.LinkedAccounts), "alipay");
        Assert.Equal("?result=Linked", linked.RequestMessage!.RequestUri!.Query);
        var login = Assert.Single(await LoginsOfAsync(_lin));

        var unlinked = await PostFormAsync(browser, await browser.GetAsync(PassRoutes.LinkedAccounts), $"unlink-{login.LoginProvider}-{login.ProviderKey}");

        Assert.True(unlinked.IsSuccessStatusCode);
        Assert.Empty(await LoginsOfAsync(_lin));
        Assert.Single(await AuditAsync(AuditEventType.ExternalAccountUnlinked));
        using var stranger = Browser();
        Assert.Equal("/Account/ExternalLink", (await SignInWithAsync(stranger, ChannelKind.Alipay)).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Null(await WhoAsync(stranger));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
