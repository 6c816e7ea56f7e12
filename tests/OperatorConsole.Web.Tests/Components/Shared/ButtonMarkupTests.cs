using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Components.Shared;

/// <summary>MudMarkup.Button writes a MudButton's markup without a component, and its click still reaches the handler.</summary>
public sealed class ButtonMarkupTests : BunitTestContext
{
    [Fact]
    public void Button_StartIconDisabled_RendersMudButtonMarkupWithTheIconInTheLabel()
    {
        var icon = Render<MudIcon>(p => p.Add(i => i.Icon, Icons.Material.Filled.NavigateBefore).Add(i => i.Size, Size.Small)).Markup;

        var cut = Render(MudMarkup.Button("Newer", EventCallback.Empty, Variant.Filled, Color.Primary, Size.Small, "newer",
            disabled: true, startIcon: Icons.Material.Filled.NavigateBefore));

        cut.MarkupMatches("<button type=\"button\" class=\"mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small mud-ripple\" " +
            "disabled data-testid=\"newer\"><span class=\"mud-button-label\"><span class=\"mud-button-icon-start mud-button-icon-size-small\">" + icon + "</span>Newer</span></button>");
    }

    [Fact]
    public void Click_Enabled_InvokesTheCallback()
    {
        var clicks = 0;
        var cut = Render(MudMarkup.Button("Older", EventCallback.Factory.Create(this, () => clicks++), Variant.Text, Color.Default, Size.Small, "older",
            endIcon: Icons.Material.Filled.NavigateNext));

        cut.Find("button").Click();

        Assert.Equal(1, clicks);
        Assert.False(cut.Find("button").HasAttribute("disabled"));
        Assert.Equal("Older", cut.Find(".mud-button-label").FirstChild!.TextContent);
        Assert.NotNull(cut.Find(".mud-button-label .mud-button-icon-end svg"));
    }
}
