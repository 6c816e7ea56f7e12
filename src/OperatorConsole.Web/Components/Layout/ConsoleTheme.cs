using MudBlazor;

namespace OperatorConsole.Web.Components.Layout;

/// <summary>
/// The console's colours, chosen for WCAG 2.1 AA: every colour reaches 4.5:1 both as text on the page's surfaces and
/// as the fill behind its contrast text (chips, filled alerts, buttons). Light fills carry white text; dark fills are
/// bright and carry black text, because a colour dark enough for white text is unreadable as text on a dark surface.
/// The accessibility browser tests (axe-core, both themes) hold every page to this.
/// </summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#4a5866",
            Info = "#1565c0",
            Success = "#1e7b34",
            Warning = "#a35200",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.68)",
            AppbarBackground = "#14324f",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6aa8ff",
            PrimaryContrastText = "#000000",
            Secondary = "#9aa8b6",
            SecondaryContrastText = "#000000",
            Info = "#64b5f6",
            InfoContrastText = "#000000",
            Success = "#5cc97a",
            SuccessContrastText = "#000000",
            Warning = "#ffb74d",
            WarningContrastText = "#000000",
            Error = "#ff6b6b",
            ErrorContrastText = "#000000",
            Background = "#1a1b21",
            Surface = "#23242b",
            DrawerBackground = "#1f2026",
            TextSecondary = "rgba(255,255,255,0.72)",
            TextDisabled = "rgba(255,255,255,0.5)",
            AppbarBackground = "#10161d",
        },
    };
}
