using Bunit;
using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.Web.Tests.Features.Incidents;

public sealed class IncidentTimelineViewTests : IncidentTestContext
{
    private static readonly Actor Ines = new("owner", "Ines Incident-owner", Role.IncidentOwner);

    [Fact]
    public async Task SelectKind_Note_ShowsOnlyNoteEntries()
    {
        var id = await OpenIncidentAsync();
        await Incidents.AddNoteAsync(Omar, id, "checksum differs");
        await Incidents.RecordDecisionAsync(Ines, id, "Roll back zrh", "Repair needs a verifier change");
        await Incidents.AddNoteAsync(Olga, id, "rollback verified");
        var cut = Render<IncidentTimelineView>(p => p.Add(c => c.IncidentId, id));
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=timeline-entry]").Count), LiveTimeout);

        var kind = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(TimelineKinds.Note));

        cut.WaitForAssertion(() =>
        {
            var shown = cut.FindAll("[data-testid=timeline-entry]").Select(e => e.TextContent).ToList();
            Assert.Equal(2, shown.Count);
            Assert.Contains("rollback verified", shown[0], StringComparison.Ordinal);
            Assert.Contains("checksum differs", shown[1], StringComparison.Ordinal);
            Assert.All(shown, text => Assert.Contains(TimelineKinds.Note, text, StringComparison.Ordinal));
            Assert.Equal("Timeline (2)", cut.Find("[data-testid=timeline-count]").TextContent.Trim());
        }, LiveTimeout);
    }

    [Fact]
    public async Task Render_KindParameterDecision_ShowsOnlyTheDecision()
    {
        var id = await OpenIncidentAsync();
        await Incidents.AddNoteAsync(Omar, id, "checksum differs");
        await Incidents.RecordDecisionAsync(Ines, id, "Roll back zrh", "Repair needs a verifier change");

        var cut = Render<IncidentTimelineView>(p => p.Add(c => c.IncidentId, id).Add(c => c.Kind, TimelineKinds.Decision));

        cut.WaitForAssertion(() =>
        {
            var entry = Assert.Single(cut.FindAll("[data-testid=timeline-entry]"));
            Assert.Contains("Roll back zrh", entry.TextContent, StringComparison.Ordinal);
        }, LiveTimeout);
        Assert.DoesNotContain("checksum differs", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_PinnedEntry_ListedInThePinnedSection()
    {
        var id = await OpenIncidentAsync();
        var finding = await Incidents.AddNoteAsync(Omar, id, "key finding");
        await Incidents.AddNoteAsync(Omar, id, "chatter");
        await Incidents.SetPinnedAsync(Omar, id, finding.Id, pinned: true);

        var cut = Render<IncidentTimelineView>(p => p.Add(c => c.IncidentId, id));

        var pinned = Assert.Single(cut.FindAll("[data-testid=pinned-entry]"));
        Assert.Contains("key finding", pinned.TextContent, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=timeline-entry]").Count), LiveTimeout);
    }

    [Fact]
    public async Task AddNoteThroughService_AfterRender_AppearsLiveOnIncidentPage()
    {
        var id = await OpenIncidentAsync();
        var cut = RenderToAct(id);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=timeline-entry]")), LiveTimeout);

        await Incidents.AddNoteAsync(Olga, id, "consumer lag back to normal");

        cut.WaitForAssertion(() =>
        {
            var entries = cut.FindAll("[data-testid=timeline-entry]");
            Assert.Equal(2, entries.Count);
            Assert.Contains("consumer lag back to normal", entries[0].TextContent, StringComparison.Ordinal);
            Assert.Contains(Olga.DisplayName, entries[0].TextContent, StringComparison.Ordinal);
        }, LiveTimeout);
    }

    [Fact]
    public async Task ClickAddNote_TypedNote_StoredAndShown()
    {
        var id = await OpenIncidentAsync();
        var cut = RenderToAct(id);

        cut.Find("input[data-testid=note-input]").Change("paged timeline note");
        cut.Find("[data-testid=add-note]").Click();

        cut.WaitForAssertion(() => Assert.Contains("paged timeline note", cut.Find("[data-testid=timeline-entry]").TextContent, StringComparison.Ordinal), LiveTimeout);
        Assert.Contains(Incidents.Timeline(id), e => e.Kind == TimelineKinds.Note && e.Text == "paged timeline note");
    }

    [Fact]
    public async Task ClickOlder_MoreThanAPage_ShowsTheNextOlderEntriesThenNewestAgain()
    {
        var id = await OpenIncidentAsync();
        for (var i = 0; i < IncidentTimelineView.PageSize + 2; i++)
        {
            await Incidents.AddNoteAsync(Omar, id, $"note {i:00}");
        }

        var cut = Render<IncidentTimelineView>(p => p.Add(c => c.IncidentId, id));
        Assert.Contains($"note {IncidentTimelineView.PageSize + 1:00}", cut.FindAll("[data-testid=timeline-entry]")[0].TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=timeline-older]").Click();

        cut.WaitForAssertion(() =>
        {
            var older = cut.FindAll("[data-testid=timeline-entry]").Select(e => e.TextContent).ToList();
            Assert.Equal(3, older.Count);
            Assert.Contains("note 01", older[0], StringComparison.Ordinal);
            Assert.Contains("note 00", older[1], StringComparison.Ordinal);
            Assert.Contains("Opened as", older[2], StringComparison.Ordinal);
        }, LiveTimeout);
        cut.Find("[data-testid=timeline-newest]").Click();
        cut.WaitForAssertion(() => Assert.Equal(IncidentTimelineView.PageSize, cut.FindAll("[data-testid=timeline-entry]").Count), LiveTimeout);
    }

    [Fact]
    public async Task Render_FirstOfTwoPages_PagerButtonsInMudButtonMarkupWithOnlyOlderEnabled()
    {
        var id = await OpenIncidentAsync();
        for (var i = 0; i < IncidentTimelineView.PageSize; i++)
        {
            await Incidents.AddNoteAsync(Omar, id, $"note {i:00}");
        }

        var cut = Render<IncidentTimelineView>(p => p.Add(c => c.IncidentId, id));

        const string Pager = "type=\"button\" class=\"mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-small mud-ripple\"";
        cut.Find("[data-testid=timeline-newest]").MarkupMatches(
            $"<button {Pager} disabled data-testid=\"timeline-newest\"><span class=\"mud-button-label\">Newest</span></button>");
        cut.Find("[data-testid=timeline-newer]").MarkupMatches(
            $"<button {Pager} disabled data-testid=\"timeline-newer\"><span class=\"mud-button-label\">{PagerIcon("start", Icons.Material.Filled.NavigateBefore)}Newer</span></button>");
        cut.Find("[data-testid=timeline-older]").MarkupMatches(
            $"<button {Pager} data-testid=\"timeline-older\"><span class=\"mud-button-label\">Older{PagerIcon("end", Icons.Material.Filled.NavigateNext)}</span></button>");
    }

    private static string PagerIcon(string side, string svg) =>
        $"<span class=\"mud-button-icon-{side} mud-button-icon-size-small\"><svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" " +
        $"viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{svg}</svg></span>";
}
