using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Pass.Web.Client.Layout;

namespace Pass.Web.Client.Tests;

public class LanguageSwitchTests : PortalTestContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Interactive_and_server_rendered_pages_get_the_same_two_links_that_work_without_a_script(bool interactive)
    {
        SetRendererInfo(new RendererInfo(interactive ? "WebAssembly" : "Static", isInteractive: interactive));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/me/qr");

        var cut = Render<LanguageSwitch>();

        Assert.Equal("Language", cut.Find("nav#language-switch").GetAttribute("aria-label"));
        Assert.Empty(cut.FindAll("button"));
        var zh = cut.Find("a#language-zh");
        Assert.Equal("culture/set?culture=zh-CN&redirectUri=%2Fme%2Fqr", zh.GetAttribute("href"));
        Assert.Equal("zh-CN", zh.GetAttribute("lang"));
        // Not Blazor's client-side router: the server must render the page again in the new language.
        Assert.Equal("_top", zh.GetAttribute("target"));
        var en = cut.Find("a#language-en");
        Assert.Equal("culture/set?culture=en&redirectUri=%2Fme%2Fqr", en.GetAttribute("href"));
        Assert.Equal("English", en.TextContent);
        Assert.Equal("中文", zh.TextContent);
    }

    [Theory]
    [InlineData("en", "#language-en", "#language-zh")]
    [InlineData("zh-CN", "#language-zh", "#language-en")]
    public void The_language_in_use_is_marked_as_the_current_one(string culture, string current, string other)
    {
        UseCulture(culture);

        var cut = Render<LanguageSwitch>();

        Assert.Equal("true", cut.Find(current).GetAttribute("aria-current"));
        Assert.False(cut.Find(other).HasAttribute("aria-current"));
    }
}
