using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Incidents;

/// <summary>The timeline's kind filter, whose choices are rendered only while its list is open.</summary>
public sealed class IncidentTimelineKindTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SelectKind_Note_ShowsOnlyTheNotes()
    {
        var incidents = fixture.Host.Service<IncidentService>();
        var incident = await incidents.OpenAsync(Actor.System,
            new OpenIncident("Kind filter", IncidentClass.Other, IncidentSeverity.Sev3, ["kinds"], null));
        await incidents.AddNoteAsync(Actor.System, incident.Id, "the only note");
        var page = await fixture.SignedInPageAsync("owner", "demo-owner");
        await BrowserFixture.GotoInteractiveAsync(page, $"/{IncidentLinks.Act(incident.Id)}");
        var rows = page.GetByTestId("timeline-entry");
        await Assertions.Expect(rows).Not.ToHaveCountAsync(1);

        await page.GetByTestId("timeline-kind").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new Regex($"^\\s*{TimelineKinds.Note}\\s*$") }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("timeline-kind")).ToHaveValueAsync(TimelineKinds.Note);
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("the only note");
    }
}
