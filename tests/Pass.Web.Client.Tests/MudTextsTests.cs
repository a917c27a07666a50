using Bunit;
using MudBlazor;

namespace Pass.Web.Client.Tests;

/// <summary>MudBlazor's own texts come from the portal's resources in Chinese, and stay MudBlazor's in English.</summary>
public class MudTextsTests : PortalTestContext
{
    [Fact]
    public void The_data_grid_pager_speaks_chinese_in_zh_cn()
    {
        UseCulture("zh-CN");

        var cut = Render<MudDataGrid<string>>(p => p.Add(x => x.Items, ["a", "b"])
            .Add(x => x.PagerContent, b => { b.OpenComponent<MudDataGridPager<string>>(0); b.CloseComponent(); }));

        Assert.Contains("每页行数", cut.Markup);
        Assert.Contains("共 2 条", cut.Markup);
    }

    [Fact]
    public void In_english_the_pager_keeps_mudblazors_text()
    {
        var cut = Render<MudDataGrid<string>>(p => p.Add(x => x.Items, ["a", "b"])
            .Add(x => x.PagerContent, b => { b.OpenComponent<MudDataGridPager<string>>(0); b.CloseComponent(); }));

        Assert.Contains("Rows per page", cut.Markup);
    }
}
