using Bunit;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Client.Components;

namespace Pass.Web.Client.Tests;

public class QrPanelTests : PortalTestContext
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly PortalQrCode Code = new("s-1", "auth-code-value", 120, Issued.AddSeconds(120));

    private static QrSessionView View(QrSessionStatus status, string? client = null) =>
        new("s-1", status, Issued, Issued.AddSeconds(120), client is null ? null : "pos-1", client, client is null ? null : Issued.AddSeconds(30));

    private IRenderedComponent<QrPanel> RenderPanel(QrSessionView view, DateTimeOffset now) =>
        Render<QrPanel>(p => p.Add(x => x.Code, Code).Add(x => x.View, view).Add(x => x.Now, now));

    [Fact]
    public void An_unused_code_shows_the_qr_image_and_counts_down()
    {
        var cut = RenderPanel(View(QrSessionStatus.Unused), Issued.AddSeconds(30));

        Assert.Equal("unused", cut.Find("[data-testid=qr-status]").GetAttribute("data-status"));
        Assert.Equal("auth-code-value", cut.Find("[data-testid=qr-image]").GetAttribute("data-value"));
        Assert.Contains("<svg", cut.Find("[data-testid=qr-image]").InnerHtml);
        Assert.Equal("Expires in 1:30", cut.Find("[data-testid=qr-countdown]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=qr-new]"));
    }

    [Fact]
    public void A_used_code_names_the_subsystem_that_used_it_and_offers_a_new_one()
    {
        var cut = RenderPanel(View(QrSessionStatus.Used, "Canteen POS 3"), Issued.AddSeconds(40));

        Assert.Equal("used", cut.Find("[data-testid=qr-status]").GetAttribute("data-status"));
        Assert.Equal("Used by Canteen POS 3", cut.Find("[data-testid=qr-used-by]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=qr-image]"));
        Assert.Single(cut.FindAll("[data-testid=qr-new]"));
    }

    [Fact]
    public void A_code_past_its_lifetime_shows_expired_even_before_the_server_says_so()
    {
        var cut = RenderPanel(View(QrSessionStatus.Unused), Issued.AddSeconds(121));

        Assert.Equal("expired", cut.Find("[data-testid=qr-status]").GetAttribute("data-status"));
        Assert.Empty(cut.FindAll("[data-testid=qr-image]"));
    }

    [Fact]
    public void The_new_code_button_asks_for_a_renewal()
    {
        var renewed = 0;
        var cut = Render<QrPanel>(p => p.Add(x => x.Code, Code).Add(x => x.View, View(QrSessionStatus.Expired))
            .Add(x => x.Now, Issued.AddSeconds(200)).Add(x => x.OnRenew, () => renewed++));

        cut.Find("[data-testid=qr-new] button, button[data-testid=qr-new]").Click();

        Assert.Equal(1, renewed);
    }

    [Fact]
    public void The_panel_speaks_chinese_in_zh_cn()
    {
        UseCulture("zh-CN");

        var cut = RenderPanel(View(QrSessionStatus.Used, "食堂 POS 3"), Issued.AddSeconds(40));

        Assert.Equal("已使用", cut.Find("[data-testid=qr-status]").TextContent.Trim());
        Assert.Equal("已被 食堂 POS 3 使用", cut.Find("[data-testid=qr-used-by]").TextContent);
    }

    [Theory]
    [InlineData("en", "Time left before the code expires")]
    [InlineData("zh-CN", "二维码失效前的剩余时间")]
    public void The_countdown_bar_is_named_for_screen_readers(string culture, string name)
    {
        UseCulture(culture);

        var cut = RenderPanel(View(QrSessionStatus.Unused), Issued.AddSeconds(30));

        Assert.Equal(name, cut.Find("[role=progressbar]").GetAttribute("aria-label"));
        Assert.Equal("p", cut.Find("[data-testid=qr-countdown]").TagName.ToLowerInvariant());
    }
}
