using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Client.Pages;

namespace Pass.Web.Client.Tests;

public class MyQrPageTests : PortalTestContext
{
    private readonly ScriptedQrService _qr;

    public MyQrPageTests()
    {
        _qr = new ScriptedQrService(Time);
        Services.AddSingleton<IMyQrService>(_qr);
        AddAuthorization().SetAuthorized("tess@test.local");
        SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));
    }

    [Fact]
    public void The_page_issues_one_code_and_turns_used_when_the_server_says_so_without_reload()
    {
        var cut = Render<MyQr>();
        Assert.Equal("unused", cut.Find("[data-testid=qr-status]").GetAttribute("data-status"));

        var code = Assert.Single(_qr.Issued);
        _qr.Push(new QrSessionView(code.Session, QrSessionStatus.Used, Time.GetUtcNow(), code.ExpiresAt, "pos-1", "Canteen POS 3", Time.GetUtcNow()));

        cut.WaitForAssertion(() => Assert.Equal("Used by Canteen POS 3", cut.Find("[data-testid=qr-used-by]").TextContent));
        Assert.Single(_qr.Issued);
    }

    [Fact]
    public void The_countdown_follows_the_clock()
    {
        var cut = Render<MyQr>();
        Assert.Equal("Expires in 2:00", cut.Find("[data-testid=qr-countdown]").TextContent);

        Time.Advance(TimeSpan.FromSeconds(45));

        cut.WaitForAssertion(() => Assert.Equal("Expires in 1:15", cut.Find("[data-testid=qr-countdown]").TextContent));
    }

    [Fact]
    public void With_auto_renew_an_expired_code_is_replaced_by_a_new_one()
    {
        var cut = Render<MyQr>();
        cut.Find("input[data-testid=qr-auto-renew]").Change(true);

        Time.Advance(TimeSpan.FromSeconds(121));

        cut.WaitForAssertion(() => Assert.Equal(2, _qr.Issued.Count));
        cut.WaitForAssertion(() => Assert.Equal("code-2", cut.Find("[data-testid=qr-image]").GetAttribute("data-value")));
    }

    [Fact]
    public void Without_auto_renew_an_expired_code_waits_for_the_button()
    {
        var cut = Render<MyQr>();

        Time.Advance(TimeSpan.FromSeconds(121));

        cut.WaitForAssertion(() => Assert.Equal("expired", cut.Find("[data-testid=qr-status]").GetAttribute("data-status")));
        Assert.Single(_qr.Issued);
        cut.Find("button[data-testid=qr-new], [data-testid=qr-new] button").Click();
        cut.WaitForAssertion(() => Assert.Equal("unused", cut.Find("[data-testid=qr-status]").GetAttribute("data-status")));
        Assert.Equal(2, _qr.Issued.Count);
    }

    [Fact]
    public void Over_the_per_person_limit_the_page_says_how_long_to_wait_and_the_button_works_afterwards()
    {
        _qr.Limited = TimeSpan.FromSeconds(42.3);

        var cut = Render<MyQr>();

        Assert.Contains("in 43 s", cut.Find("[data-testid=qr-too-many]").TextContent);
        Assert.Empty(_qr.Issued);
        _qr.Limited = null;
        cut.Find("button[data-testid=qr-new], [data-testid=qr-new] button").Click();
        cut.WaitForAssertion(() => Assert.Equal("unused", cut.Find("[data-testid=qr-status]").GetAttribute("data-status")));
        Assert.Empty(cut.FindAll("[data-testid=qr-too-many]"));
    }

    [Fact]
    public void A_code_that_arrives_after_the_first_render_is_watched_and_turns_used()
    {
        // Reached through the menu nothing was prerendered: the page renders while its code is still being made.
        _qr.Gate = new TaskCompletionSource();
        var cut = Render<MyQr>();
        Assert.Empty(cut.FindAll("[data-testid=qr-image]"));

        _qr.Gate.SetResult();
        cut.WaitForAssertion(() => Assert.Equal("unused", cut.Find("[data-testid=qr-status]").GetAttribute("data-status")));
        var code = Assert.Single(_qr.Issued);
        _qr.Push(new QrSessionView(code.Session, QrSessionStatus.Used, Time.GetUtcNow(), code.ExpiresAt, "pos-1", "Canteen POS 3", Time.GetUtcNow()));

        cut.WaitForAssertion(() => Assert.Equal("used", cut.Find("[data-testid=qr-status]").GetAttribute("data-status")));
    }

    [Fact]
    public void Turning_auto_renew_on_after_the_code_expired_replaces_it_at_once()
    {
        var cut = Render<MyQr>();
        var code = Assert.Single(_qr.Issued);
        Time.Advance(TimeSpan.FromSeconds(121));
        _qr.Push(new QrSessionView(code.Session, QrSessionStatus.Expired, Time.GetUtcNow(), code.ExpiresAt, null, null, null));
        cut.WaitForAssertion(() => Assert.Equal("expired", cut.Find("[data-testid=qr-status]").GetAttribute("data-status")));

        cut.Find("input[data-testid=qr-auto-renew]").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(2, _qr.Issued.Count));
        cut.WaitForAssertion(() => Assert.Equal("code-2", cut.Find("[data-testid=qr-image]").GetAttribute("data-value")));
    }

    [Fact]
    public void A_double_clicked_new_code_button_asks_for_one_code()
    {
        var cut = Render<MyQr>();
        Time.Advance(TimeSpan.FromSeconds(121));
        cut.WaitForAssertion(() => Assert.Equal("expired", cut.Find("[data-testid=qr-status]").GetAttribute("data-status")));
        _qr.Gate = new TaskCompletionSource();

        var button = cut.Find("button[data-testid=qr-new], [data-testid=qr-new] button");
        button.Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { Detail = 1 });
        cut.Find("button[data-testid=qr-new], [data-testid=qr-new] button").Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { Detail = 2 });
        _qr.Gate.SetResult();

        cut.WaitForAssertion(() => Assert.Equal("unused", cut.Find("[data-testid=qr-status]").GetAttribute("data-status")));
        Assert.Equal(2, _qr.Issued.Count);
    }
}
