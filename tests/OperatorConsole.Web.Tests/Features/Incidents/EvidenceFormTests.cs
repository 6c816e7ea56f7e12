using Bunit;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Features.Incidents;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Incidents;

public sealed class EvidenceFormTests : IncidentTestContext
{
    [Fact]
    public async Task Render_OpenIncident_FormNotPrefilledUntilOpened()
    {
        var id = await OpenIncidentAsync("zrh", "gva");

        var cut = RenderToAct(id);

        Assert.Empty(cut.FindAll("input[data-testid=evidence-scope]"));
    }

    [Fact]
    public async Task OpenForm_OpenIncident_PrefillsScopeTriggerAndOperator()
    {
        var id = await OpenIncidentAsync("zrh", "gva");
        var cut = RenderToAct(id);

        OpenForm(cut);

        Assert.Equal("zrh, gva", cut.Find("input[data-testid=evidence-scope]").GetAttribute("value"));
        Assert.Equal("alert: publish-blocked", cut.Find("input[data-testid=evidence-trigger]").GetAttribute("value"));
        Assert.Equal(Omar.DisplayName, OperatorInput(cut).GetAttribute("value"));
    }

    [Fact]
    public async Task ClickRecord_MissingFields_ShowsEachMissingFieldAndStoresNothing()
    {
        var id = await OpenIncidentAsync("zrh", "gva");
        var cut = RenderToAct(id);
        OpenForm(cut);
        cut.Find("input[data-testid=evidence-scope]").Change(string.Empty);
        OperatorInput(cut).Change(" ");

        cut.Find("[data-testid=record-evidence]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            ["Scope is required.", "Verification result is required.", "Operator or owner is required.", "Follow-up requirement is required."],
            cut.FindAll("[data-testid=evidence-problem]").Select(p => p.TextContent.Trim())), LiveTimeout);
        Assert.Empty(Incidents.Evidence(id));
        Assert.DoesNotContain(Incidents.Timeline(id), e => e.Kind == TimelineKinds.Evidence);
    }

    [Fact]
    public async Task ClickRecord_CompletedDraft_StoresRecordAndClearsProblems()
    {
        var id = await OpenIncidentAsync("zrh", "gva");
        var cut = RenderToAct(id);
        OpenForm(cut);
        cut.Find("input[data-testid=evidence-verification]").Change("Publish passes on retry");
        cut.Find("input[data-testid=evidence-followup]").Change("Alert on publish retries");

        cut.Find("[data-testid=record-evidence]").Click();

        cut.WaitForAssertion(() => Assert.Single(Incidents.Evidence(id)), LiveTimeout);
        var record = Incidents.Evidence(id)[0];
        Assert.Equal(("zrh, gva", "alert: publish-blocked", Omar.DisplayName), (record.Scope, record.TriggerSource, record.OperatorOrOwner));
        Assert.Empty(cut.FindAll("[data-testid=evidence-problem]"));
    }

    private static void OpenForm(IRenderedComponent<IncidentDetail> cut)
    {
        cut.Find("[data-testid=evidence-panel] .mud-expand-panel-header").Click();
        cut.WaitForElement("input[data-testid=evidence-scope]", LiveTimeout);
    }

    /// <summary>The operator field has no test id of its own; it is the input labelled "Operator or owner".</summary>
    private static AngleSharp.Dom.IElement OperatorInput(IRenderedComponent<IncidentDetail> cut) =>
        cut.FindAll("[data-testid=evidence-panel] .mud-input-control")
            .Single(c => c.TextContent.Contains("Operator or owner", StringComparison.Ordinal))
            .QuerySelector("input") ?? throw new InvalidOperationException("The operator field has no input.");
}
