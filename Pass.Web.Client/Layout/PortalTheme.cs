using MudBlazor;

namespace Pass.Web.Client.Layout;

/// <summary>
/// The portal's colours. Every one is used as text somewhere (a text button, an outlined chip, an alert) and as a
/// background under its contrast text (a filled chip or button), so each pair keeps WCAG AA's 4.5:1 both ways:
/// light mode has dark colours under white text, dark mode light colours under near-black text.
/// </summary>
public static class PortalTheme
{
    private const string OnLight = "#ffffff";
    private const string OnDark = "rgba(0,0,0,0.87)";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0", PrimaryContrastText = OnLight, // 5.75:1 on white
            Secondary = "#00796b", SecondaryContrastText = OnLight, // 5.32:1
            Info = "#0277bd", InfoContrastText = OnLight, // 4.80:1
            Success = "#2e7d32", SuccessContrastText = OnLight, // 5.13:1
            Warning = "#b45309", WarningContrastText = OnLight, // 5.02:1
            Error = "#c62828", ErrorContrastText = OnLight, // 5.62:1
            AppbarBackground = "#1565c0",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6", PrimaryContrastText = OnDark, // 5.32:1 on the dark surface, 7.3:1 under its text
            Secondary = "#4db6ac", SecondaryContrastText = OnDark,
            Info = "#4fc3f7", InfoContrastText = OnDark,
            Success = "#66bb6a", SuccessContrastText = OnDark,
            Warning = "#ffb74d", WarningContrastText = OnDark,
            Error = "#ff8a80", ErrorContrastText = OnDark,
            // MudBlazor's 50% white is 4.25:1 on the surface: labels, helper texts and table headers need 60%.
            TextSecondary = "rgba(255,255,255,0.60)",
            // An alert's text is the "darken" tone on a tint of its colour; on the dark page it must be lighter, not darker
            // (MudBlazor's computed error tone is 4.02:1 there). These are 5.5:1 or more, and hover well under dark text.
            ErrorDarken = "#ffa49c",
            SuccessDarken = "#81c784",
            InfoDarken = "#81d4fa",
            WarningDarken = "#ffc774",
        },
    };
}
