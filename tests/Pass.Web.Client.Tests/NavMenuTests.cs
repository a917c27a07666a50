using Bunit;
using Pass.Shared.Oauth;
using Pass.Web.Client.Layout;

namespace Pass.Web.Client.Tests;

public class NavMenuTests : PortalTestContext
{
    [Fact]
    public void A_person_sees_only_their_own_pages()
    {
        AddAuthorization().SetAuthorized("user").SetRoles(PassRoles.User);

        var cut = Render<NavMenu>();

        Assert.NotEmpty(cut.FindAll("#nav-my-qr"));
        Assert.Empty(cut.FindAll("#nav-card-desk"));
        Assert.Empty(cut.FindAll("#nav-users"));
    }

    [Fact]
    public void The_helpdesk_sees_the_card_desk_but_not_administration()
    {
        AddAuthorization().SetAuthorized("desk").SetRoles(PassRoles.User, PassRoles.Helpdesk);

        var cut = Render<NavMenu>();

        Assert.NotEmpty(cut.FindAll("#nav-card-desk"));
        Assert.Empty(cut.FindAll("#nav-clients"));
    }

    [Fact]
    public void An_administrator_sees_everything()
    {
        AddAuthorization().SetAuthorized("admin").SetRoles(PassRoles.User, PassRoles.Admin);

        var cut = Render<NavMenu>();

        foreach (var id in new[] { "#nav-my-qr", "#nav-card-desk", "#nav-users", "#nav-clients", "#nav-tokens", "#nav-qr-board", "#nav-audit" })
        {
            Assert.NotEmpty(cut.FindAll(id));
        }
    }

    [Fact]
    public void An_anonymous_visitor_sees_no_personal_pages()
    {
        AddAuthorization();

        var cut = Render<NavMenu>();

        Assert.Empty(cut.FindAll("#nav-my-qr"));
    }

    [Fact]
    public void In_chinese_the_navigation_is_chinese()
    {
        UseCulture("zh-CN");
        AddAuthorization().SetAuthorized("admin").SetRoles(PassRoles.Admin);

        var cut = Render<NavMenu>();

        Assert.Contains("我的二维码", cut.Find("#nav-my-qr").TextContent);
        Assert.Contains("发卡台", cut.Find("#nav-card-desk").TextContent);
        Assert.Contains("审计日志", cut.Find("#nav-audit").TextContent);
    }
}
