using MudBlazor;

namespace OperatorConsole.Web.Components.Layout;

public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#5c6b7a",
            AppbarBackground = "#14324f",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6aa8ff",
            Secondary = "#9aa8b6",
            AppbarBackground = "#10161d",
        },
    };
}
