using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Pass.Web.Client.Components;

namespace Pass.Web.Client.Tests;

public class AccessDeniedTests : PortalTestContext
{
    private IRenderedComponent<AccessDenied> RenderAt(string address, string? returnUrl = null)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<AccessDenied>(p => p.Add(x => x.ReturnUrl, returnUrl));
    }

    [Fact]
    public void A_refused_page_offers_the_home_page_and_signing_in_as_someone_else_who_comes_back_to_it()
    {
        var cut = RenderAt("/admin/users?page=2");

        Assert.Equal("Access denied", cut.Find("h1").TextContent);
        Assert.Equal("./", cut.Find("#denied-home").GetAttribute("href"));
        var form = cut.Find("form");
        Assert.Equal("Account/Logout", form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("submit", cut.Find("#denied-switch-account").GetAttribute("type"));
        // The sign-out endpoint redirects to "~/" + ReturnUrl: the sign-in page, then the refused page again.
        Assert.Equal("Account/Login?ReturnUrl=%2Fadmin%2Fusers%3Fpage%3D2", cut.Find("input[name=ReturnUrl]").GetAttribute("value"));
    }

    [Fact]
    public void The_server_pages_return_address_is_the_page_the_cookie_handler_refused()
    {
        var cut = RenderAt("/Account/AccessDenied?ReturnUrl=%2Fadmin", returnUrl: "/admin");

        Assert.Equal("Account/Login?ReturnUrl=%2Fadmin", cut.Find("input[name=ReturnUrl]").GetAttribute("value"));
    }

    [Theory]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public void A_return_address_off_the_site_is_ignored(string returnUrl)
    {
        var cut = RenderAt("/Account/AccessDenied", returnUrl);

        Assert.Equal("Account/Login?ReturnUrl=%2FAccount%2FAccessDenied", cut.Find("input[name=ReturnUrl]").GetAttribute("value"));
    }

    [Fact]
    public void In_chinese_the_ways_back_are_chinese()
    {
        UseCulture("zh-CN");

        var cut = RenderAt("/admin");

        Assert.Equal("拒绝访问", cut.Find("h1").TextContent);
        Assert.Contains("返回首页", cut.Find("#denied-home").TextContent);
        Assert.Contains("换个账号登录", cut.Find("#denied-switch-account").TextContent);
    }
}
