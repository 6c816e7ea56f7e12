using Bunit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Components.Shared;

/// <summary>ActionButton writes its control as plain elements in MudBlazor's button classes; it must still act and refuse like one.</summary>
public sealed class ActionButtonTests : BunitTestContext
{
    [Fact]
    public void Click_Allowed_InvokesOnClick()
    {
        var clicks = 0;
        var cut = Render<ActionButton>(p => p
            .Add(c => c.Action, IncidentActions.Pin)
            .Add(c => c.OnClick, () => clicks++)
            .AddChildContent("Pin"));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("button").GetAttribute("data-allowed")), LiveTimeout);

        cut.Find("button").Click();

        Assert.Equal(1, clicks);
        Assert.Equal("mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-medium mud-ripple", cut.Find("button").ClassName);
    }

    [Fact]
    public void Render_Refused_DisabledWithTheRulesSentence()
    {
        SignIn(new Actor("vic", "Vic Viewer", Role.Viewer));

        var cut = Render<ActionButton>(p => p.Add(c => c.Action, IncidentActions.Pin).AddChildContent("Pin"));

        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("button").GetAttribute("data-allowed")), LiveTimeout);
        Assert.True(cut.Find("button").HasAttribute("disabled"));
        Assert.Contains("pin timeline entries", cut.Find("[data-refusal]").GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AllowedWithHref_IsALinkWithTheStartIcon()
    {
        var cut = Render<ActionButton>(p => p
            .Add(c => c.Action, IncidentActions.Pin)
            .Add(c => c.Href, "incidents/INC-0001")
            .Add(c => c.StartIcon, MudBlazor.Icons.Material.Filled.PushPin)
            .AddChildContent("Open"));

        cut.WaitForAssertion(() => Assert.Equal("incidents/INC-0001", cut.Find("a").GetAttribute("href")), LiveTimeout);
        Assert.NotNull(cut.Find("a .mud-button-icon-start svg.mud-icon-size-medium"));
    }
}
