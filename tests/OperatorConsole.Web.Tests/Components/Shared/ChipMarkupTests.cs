using Bunit;
using MudBlazor;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Features.Incidents;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Components.Shared;

/// <summary>The chips written as markup keep a small filled MudChip's markup, so MudBlazor's stylesheet gives them its look.</summary>
public sealed class ChipMarkupTests : BunitTestContext
{
    [Fact]
    public void StatusChip_WithIconAndTestId_RendersSmallFilledChipWithTheIconBeforeItsText()
    {
        var icon = Render<MudIcon>(p => p.Add(i => i.Icon, Icons.Material.Filled.Shield).Add(i => i.Size, Size.Small).Add(i => i.Class, "mud-chip-icon")).Markup;

        var cut = Render<StatusChip>(p => p.Add(c => c.Text, "Protective").Add(c => c.Color, Color.Info)
            .Add(c => c.Icon, Icons.Material.Filled.Shield).Add(c => c.TestId, "protective-mark"));

        cut.MarkupMatches("<div class=\"mud-chip-container\"><div class=\"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-info\" tabindex=\"-1\" data-testid=\"protective-mark\">"
            + icon + "<span class=\"mud-chip-content\">Protective</span></div></div>");
    }

    [Fact]
    public void StatusChip_WithoutIconOrTestId_RendersTextOnly()
    {
        var cut = Render<StatusChip>(p => p.Add(c => c.Text, "ON").Add(c => c.Color, Color.Error));

        cut.MarkupMatches("<div class=\"mud-chip-container\"><div class=\"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-error\" tabindex=\"-1\"><span class=\"mud-chip-content\">ON</span></div></div>");
    }

    [Fact]
    public void IncidentSeverityChip_Sev1_RendersErrorColouredChipWithItsLabel()
    {
        var cut = Render<IncidentSeverityChip>(p => p.Add(c => c.Severity, IncidentSeverity.Sev1));

        cut.MarkupMatches("<div class=\"mud-chip-container\"><div class=\"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-error\"><span class=\"mud-chip-content\">SEV-1</span></div></div>");
    }
}
