using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pass.Web.Data;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

/// <summary>WeChat and Alipay sign-in in Chromium, against fake providers whose approval page stands for the scan or the consent.</summary>
public class ChannelJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    private const string InsideWeChat = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 MicroMessenger/8.0.50.2701(0x28003252) NetType/WIFI Language/zh_CN";
    private FakeChannelProviders _fake = null!;
    private FakeSmsGateway _sms = null!;
    private bool _configured = true;

    protected override IReadOnlyDictionary<string, string>? Settings
    {
        get
        {
            var settings = _configured ? _fake.Settings() : _fake.Addresses();
            settings["Pass:Sms:Gateway:Url"] = _sms.Url.ToString();
            settings["Pass:Sms:Gateway:Authorization"] = FakeSmsGateway.Authorization;
            return settings;
        }
    }

    public override async ValueTask InitializeAsync()
    {
        _fake = await FakeChannelProviders.StartAsync();
        _fake.Interactive = true;
        _sms = await FakeSmsGateway.StartAsync();
        _configured = !TestContext.Current.Test!.TestDisplayName.Contains("administrator", StringComparison.Ordinal);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _fake.DisposeAsync();
        await _sms.DisposeAsync();
    }

    private static async Task ApproveAtProviderAsync(IPage page)
    {
        await page.Locator("#fake-approve").ClickAsync(new() { Timeout = Patience });
    }

    [Fact]
    public async Task An_administrator_configures_wechat_on_the_channels_page_then_a_person_links_it_on_my_account_and_signs_in_by_scanning()
    {
        var lin = await App.CreatePersonAsync("lin@test.local", "Lin Wei");
        await SignInAsync(Page, PassApplication.AdminEmail, PassApplication.AdminPassword);
        await WaitInteractiveAsync(Page);
        await Page.Locator("#nav-channels").ClickAsync();
        var wechat = Page.Locator("[data-testid=channel][data-kind=WeChatWebsite]");
        await wechat.Locator("#channel-WeChatWebsite-appid").FillAsync(FakeChannelProviders.WebsiteAppId);
        await wechat.Locator("#channel-WeChatWebsite-secret").FillAsync(FakeChannelProviders.WebsiteSecret);
        await wechat.GetByLabel("Enabled").CheckAsync();
        await wechat.Locator("[data-testid=channel-save]").ClickAsync();
        await Expect(Page.Locator("[data-testid=channel][data-kind=WeChatWebsite] [data-testid=channel-state]")).ToContainTextAsync("Offered", new() { Timeout = Patience });
        await ScreenshotAsync(Page, "channels-admin");

        var person = await NewPageInOwnContextAsync();
        await SignInAsync(person, "lin@test.local");
        await person.GotoAsync("/Account/Manage/ExternalLogins");
        await person.Locator("#link-wechat-website").ClickAsync();
        await ApproveAtProviderAsync(person);
        await Expect(person.Locator("[data-testid=linked-result]")).ToHaveAttributeAsync("data-result", "Linked", new() { Timeout = Patience });
        await Expect(person.Locator("[data-testid=linked] [data-provider=WeChat]")).ToContainTextAsync("小明");

        var later = await NewPageInOwnContextAsync();
        await later.GotoAsync("/Account/Login?returnUrl=%2Fme%2Fqr");
        await later.Locator("#login-with-wechat-website").ClickAsync();
        await ApproveAtProviderAsync(later);
        await later.WaitForURLAsync(url => url.Contains("/me/qr", StringComparison.Ordinal), new() { Timeout = Patience, WaitUntil = WaitUntilState.Commit });
        await WaitInteractiveAsync(later);
        await Expect(later.Locator("#sign-out")).ToBeVisibleAsync(new() { Timeout = Patience });
        Assert.Contains(_fake.Authorizations, a => a.StartsWith("/connect/qrconnect?appid=" + FakeChannelProviders.WebsiteAppId, StringComparison.Ordinal));
        Assert.NotEmpty(lin);
    }

    [Fact]
    public async Task Inside_wechat_on_a_phone_in_chinese_a_first_sign_in_links_by_an_sms_code()
    {
        var mei = await App.CreatePersonAsync("mei@test.local", "Mei Zhou");
        await App.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(mei))!;
            user.PhoneNumber = "+8613800138000";
            user.PhoneNumberConfirmed = true;
            return (await users.UpdateAsync(user)).Succeeded;
        });
        var phone = await NewContextAsync("zh-CN", viewport: Phone, userAgent: InsideWeChat);
        var page = await phone.NewPageAsync();
        try
        {
            await page.GotoAsync("/Account/Login");
            await Expect(page.Locator("#login-with-wechat-website")).ToHaveCountAsync(0);
            await page.Locator("#login-with-wechat-official-account").ClickAsync();
            await ApproveAtProviderAsync(page);
            await Expect(page.Locator("[data-testid=link-intro]")).ToContainTextAsync("微信", new() { Timeout = Patience });
            await ScreenshotAsync(page, "channel-link-phone-zh");

            await page.Locator("[id='PhoneInput.Phone']").FillAsync("138 0013 8000");
            await page.Locator("#link-send-code").ClickAsync();
            // The first attempt to send is made before the page answers, so the code is at the gateway once the code field shows.
            await Expect(page.Locator("[id='CodeInput.Code']")).ToBeVisibleAsync(new() { Timeout = Patience });
            await page.Locator("[id='CodeInput.Code']").FillAsync(_sms.LastCodeTo("+8613800138000"));
            await page.Locator("#link-by-sms").ClickAsync();

            await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal), new() { Timeout = Patience, WaitUntil = WaitUntilState.Commit });
            await WaitInteractiveAsync(page);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= Phone.Width, $"the page is {width} px wide on a {Phone.Width} px phone");
            var logins = await App.WithScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
                return await users.GetLoginsAsync((await users.FindByIdAsync(mei))!);
            });
            Assert.Equal("union:union-p1", Assert.Single(logins).ProviderKey);
        }
        finally
        {
            await phone.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_alipay_first_sign_in_links_by_password_the_next_signs_in_directly_and_a_locked_person_is_refused()
    {
        var vera = await App.CreatePersonAsync("vera@test.local", "Vera Chen");
        await Page.GotoAsync("/Account/Login");
        await Page.Locator("#login-with-alipay").ClickAsync();
        await ApproveAtProviderAsync(Page);
        await Page.Locator("[id='PasswordInput.Email']").FillAsync("vera@test.local");
        await Page.Locator("[id='PasswordInput.Password']").FillAsync(PassApplication.PersonPassword);
        await Page.Locator("#link-by-password").ClickAsync();
        await WaitInteractiveAsync(Page);
        await Expect(Page.Locator("#sign-out")).ToBeVisibleAsync(new() { Timeout = Patience });

        var next = await NewPageInOwnContextAsync();
        await next.GotoAsync("/Account/Login");
        await next.Locator("#login-with-alipay").ClickAsync();
        await ApproveAtProviderAsync(next);
        await WaitInteractiveAsync(next);
        await Expect(next.Locator("#sign-out")).ToBeVisibleAsync(new() { Timeout = Patience });

        await App.WithScopeAsync(async sp => (await sp.GetRequiredService<Pass.Web.Users.UserDirectory>().LockAsync(vera, null)).Succeeded);
        var locked = await NewPageInOwnContextAsync();
        await locked.GotoAsync("/Account/Login");
        await locked.Locator("#login-with-alipay").ClickAsync();
        await ApproveAtProviderAsync(locked);
        await locked.WaitForURLAsync(url => url.Contains("/Account/Lockout", StringComparison.Ordinal), new() { Timeout = Patience, WaitUntil = WaitUntilState.Commit });
    }
}
