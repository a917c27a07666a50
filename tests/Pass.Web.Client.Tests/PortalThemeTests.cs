using MudBlazor;
using MudBlazor.Utilities;
using Pass.Web.Client.Layout;

namespace Pass.Web.Client.Tests;

/// <summary>WCAG AA (4.5:1 for normal text) for every colour the portal writes text in or under, light and dark.</summary>
public class PortalThemeTests
{
    public static TheoryData<string> Modes => ["light", "dark"];

    private static Palette PaletteOf(string mode) => mode == "dark" ? PortalTheme.Theme.PaletteDark : PortalTheme.Theme.PaletteLight;

    private static IEnumerable<(string Name, MudColor Color, MudColor Text, MudColor Darken)> Severities(Palette p) =>
    [
        ("primary", p.Primary, p.PrimaryContrastText, p.PrimaryDarken),
        ("secondary", p.Secondary, p.SecondaryContrastText, p.SecondaryDarken),
        ("info", p.Info, p.InfoContrastText, p.InfoDarken),
        ("success", p.Success, p.SuccessContrastText, p.SuccessDarken),
        ("warning", p.Warning, p.WarningContrastText, p.WarningDarken),
        ("error", p.Error, p.ErrorContrastText, p.ErrorDarken),
    ];

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_filled_chip_or_button_keeps_its_text_legible(string mode)
    {
        foreach (var (name, color, text, _) in Severities(PaletteOf(mode)))
        {
            AssertLegible(Over(text, color), color, $"{name} contrast text on {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_text_button_outlined_chip_or_link_is_legible_on_the_page_and_on_a_card(string mode)
    {
        var p = PaletteOf(mode);
        foreach (var (name, color, _, _) in Severities(p))
        {
            AssertLegible(color, p.Background, $"{name} on the background");
            AssertLegible(color, p.Surface, $"{name} on a surface");
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void An_alerts_text_is_legible_on_its_tint(string mode)
    {
        var p = PaletteOf(mode);
        foreach (var (name, color, _, darken) in Severities(p).Skip(2))
        {
            // MudBlazor's text alert: the darken tone on the colour's hover tint (6% of it) over the page.
            var tint = Over(color.SetAlpha(0.06), p.Background);
            AssertLegible(darken, tint, $"{name} alert text");
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Secondary_text_such_as_labels_and_helper_texts_is_legible(string mode)
    {
        var p = PaletteOf(mode);
        AssertLegible(Over(p.TextSecondary, p.Background), p.Background, "secondary text on the background");
        AssertLegible(Over(p.TextSecondary, p.Surface), p.Surface, "secondary text on a surface");
    }

    private static void AssertLegible(MudColor text, MudColor background, string what)
    {
        var ratio = Contrast(text, background);
        Assert.True(ratio >= 4.5, $"{what}: {ratio:0.00}:1 ({text} on {background}), WCAG AA needs 4.5:1");
    }

    // A translucent colour as it shows over an opaque one.
    private static MudColor Over(MudColor top, MudColor bottom)
    {
        var a = top.APercentage;
        byte Mix(byte t, byte b) => (byte)Math.Round(t * a + b * (1 - a));
        return new MudColor(Mix(top.R, bottom.R), Mix(top.G, bottom.G), Mix(top.B, bottom.B), (byte)255);
    }

    private static double Contrast(MudColor a, MudColor b)
    {
        var (light, dark) = (Luminance(a), Luminance(b)) is var (x, y) && x > y ? (x, y) : (y, x);
        return (light + 0.05) / (dark + 0.05);
    }

    private static double Luminance(MudColor c)
    {
        static double Channel(byte v) => v / 255.0 <= 0.03928 ? v / 255.0 / 12.92 : Math.Pow((v / 255.0 + 0.055) / 1.055, 2.4);
        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }
}
