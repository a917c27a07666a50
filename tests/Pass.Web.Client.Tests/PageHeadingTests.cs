using Bunit;
using Pass.Web.Client.Components;
using Pass.Web.Client.Pages;

namespace Pass.Web.Client.Tests;

public class PageHeadingTests : PortalTestContext
{
    [Fact]
    public void The_page_title_is_an_h1_in_the_heading_style()
    {
        var cut = Render<PageHeading>(p => p.AddChildContent("My cards"));

        var h1 = cut.Find("h1");
        Assert.Equal("My cards", h1.TextContent);
        Assert.Contains("mud-typography-h4", h1.ClassList);
    }

    [Fact]
    public void A_page_has_exactly_one_h1_and_its_sections_go_on_from_h2()
    {
        AddAuthorization();

        var cut = Render<NotFound>();

        Assert.Single(cut.FindAll("h1"));
        Assert.Empty(cut.FindAll("h3, h4, h5, h6"));
    }

    [Theory]
    [InlineData(2, "h2")]
    [InlineData(3, "h3")]
    [InlineData(1, "h2")]
    public void A_section_heading_never_takes_the_pages_h1(int level, string tag)
    {
        var cut = Render<SectionHeading>(p => p.Add(x => x.Level, level).AddChildContent("Recent codes"));

        Assert.Equal("Recent codes", cut.Find(tag).TextContent);
        Assert.Empty(cut.FindAll("h1"));
    }
}
