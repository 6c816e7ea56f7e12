using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Persistence;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Incidents;

/// <summary>A 10,000-entry incident: its newest rows are in the server-rendered page, and it pages by seeking.</summary>
public sealed class IncidentTimelineFirstPaintTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const int Entries = 10_000;

    [Fact]
    public async Task OpenLargeIncident_BeforeTheCircuit_FirstRowsAreInTheServerRenderedDocument()
    {
        var id = await LargeIncident.SeedAsync(fixture.Host.Service<IncidentService>(), fixture.Host.Service<IConsoleStore>(), Entries);
        var page = await fixture.SignedInPageAsync("owner", "demo-owner");

        // The document as the server sends it, before any script runs or a circuit exists.
        var response = await page.Context.APIRequest.GetAsync($"/{IncidentLinks.Act(id)}");
        var html = await response.TextAsync();

        Assert.True(response.Ok, $"GET /incidents/{id} answered {response.Status}.");
        Assert.Contains("data-testid=\"timeline-entry\"", html, StringComparison.Ordinal);
        Assert.Contains(LargeIncident.Text(Entries - 1), html, StringComparison.Ordinal);
        Assert.DoesNotContain(LargeIncident.Text(Entries - 1 - IncidentTimelineView.PageSize), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClickOlderThenNewer_LargeIncident_PagesByAnchorAndComesBack()
    {
        var id = await LargeIncident.SeedAsync(fixture.Host.Service<IncidentService>(), fixture.Host.Service<IConsoleStore>(), Entries);
        var page = await fixture.SignedInPageAsync("owner", "demo-owner");
        await BrowserFixture.GotoInteractiveAsync(page, $"/{IncidentLinks.Act(id)}");
        var rows = page.GetByTestId("timeline-entry");
        await Assertions.Expect(rows.First).ToContainTextAsync(LargeIncident.Text(Entries - 1));
        await Assertions.Expect(page.GetByTestId("timeline-count")).ToHaveTextAsync($"Timeline ({Entries + 1})");

        await page.GetByTestId("timeline-older").ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync(LargeIncident.Text(Entries - 1 - IncidentTimelineView.PageSize));
        await page.GetByTestId("timeline-older").ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync(LargeIncident.Text(Entries - 1 - (2 * IncidentTimelineView.PageSize)));
        await Assertions.Expect(rows).ToHaveCountAsync(IncidentTimelineView.PageSize);

        await page.GetByTestId("timeline-newer").ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync(LargeIncident.Text(Entries - 1 - IncidentTimelineView.PageSize));
        await page.GetByTestId("timeline-newest").ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync(LargeIncident.Text(Entries - 1));
        await Assertions.Expect(page.GetByTestId("timeline-newer")).ToBeDisabledAsync();
    }
}
