using MudBlazor;
using OperatorConsole.Web.Components.Layout;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Components.Layout;

public sealed class SharedThemeProviderTests : BunitTestContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_EitherPalette_SameMarkupAsMudThemeProvider(bool dark)
    {
        var mud = Render<MudThemeProvider>(p => p.Add(t => t.Theme, ConsoleTheme.Theme).Add(t => t.IsDarkMode, dark));

        var shared = Render<SharedThemeProvider>(p => p.Add(t => t.Theme, ConsoleTheme.Theme).Add(t => t.IsDarkMode, dark));

        Assert.Contains("--mud-palette-primary", shared.Markup, StringComparison.Ordinal);
        Assert.Equal(mud.Markup, shared.Markup);
    }
}
