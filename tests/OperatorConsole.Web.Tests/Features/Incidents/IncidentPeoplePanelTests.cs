using Bunit;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.Web.Tests.Features.Incidents;

/// <summary>The panel's join and leave buttons are MudButton's markup without the component; they must still act.</summary>
public sealed class IncidentPeoplePanelTests : IncidentTestContext
{
    [Fact]
    public async Task ClickJoin_NotWorkingOnIt_ListsThemAndTheButtonBecomesLeave()
    {
        var id = await OpenIncidentAsync();
        var cut = RenderToAct(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=join-incident]").MarkupMatches(
            "<button type=\"button\" class=\"mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small mud-ripple\" " +
            "data-testid=\"join-incident\"><span class=\"mud-button-label\">I'm working on this</span></button>"), LiveTimeout);

        cut.Find("[data-testid=join-incident]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(Omar.DisplayName, cut.Find("[data-testid=responder]").TextContent);
            cut.Find("[data-testid=leave-incident]").MarkupMatches(
                "<button type=\"button\" class=\"mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-small mud-ripple\" " +
                "data-testid=\"leave-incident\"><span class=\"mud-button-label\">I've stopped working on this</span></button>");
        }, LiveTimeout);
        Assert.Contains(Incidents.Get(id)!.Responders, r => r.Id == Omar.Id);
    }

    [Fact]
    public async Task ClickLeave_WorkingOnIt_RemovesThemAndTheButtonBecomesJoin()
    {
        var id = await OpenIncidentAsync();
        await Incidents.JoinAsync(Omar, id);
        var cut = RenderToAct(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=leave-incident]"), LiveTimeout);

        cut.Find("[data-testid=leave-incident]").Click();

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=join-incident]").HasAttribute("disabled")), LiveTimeout);
        Assert.Empty(cut.FindAll("[data-testid=responder]"));
        Assert.Empty(Incidents.Get(id)!.Responders);
    }
}
