using Microsoft.Playwright;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Persistence;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Features.Incidents;
using Xunit.Abstractions;

namespace OperatorConsole.E2E.Incidents;

/// <summary>
/// Provisional figures for a 10,000-entry incident, printed to the test output: when the first row is in the document
/// (first visit and warm), and managed memory per open incident-page circuit after a forced GC. Asserts no timings;
/// it checks that each circuit shows one page of rows. The host runs in this process, so the GC figure is the server's.
/// </summary>
public sealed class IncidentPageFigures(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Entries = 10_000;
    private const int Circuits = 10;

    // Records, relative to navigation start, when the first timeline row is in the document.
    private const string FirstRowProbe = """
        (() => {
          const seen = () => { if (!window.__firstRow && document.querySelector('[data-testid=timeline-entry]')) window.__firstRow = performance.now(); };
          new MutationObserver(seen).observe(document, { childList: true, subtree: true });
        })();
        """;

    [Fact]
    public async Task Figures_IncidentOf10000Entries_PrintsFirstRowAndMemoryPerCircuit()
    {
        var id = await LargeIncident.SeedAsync(fixture.Host.Service<IncidentService>(), fixture.Host.Service<IConsoleStore>(), Entries);
        var page = await fixture.SignedInPageAsync("owner", "demo-owner");
        await page.Context.AddInitScriptAsync(FirstRowProbe);

        var cold = await FirstRowAsync(page, id);
        var warm = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            warm.Add(await FirstRowAsync(page, id));
        }

        var small = await LargeIncident.SeedAsync(fixture.Host.Service<IncidentService>(), fixture.Host.Service<IConsoleStore>(), 1);
        var large = await PerCircuitKbAsync(page.Context, $"/{IncidentLinks.Act(id)}", IncidentTimelineView.PageSize);
        var oneEntry = await PerCircuitKbAsync(page.Context, $"/{IncidentLinks.Act(small)}", 2);
        var layoutOnly = await PerCircuitKbAsync(page.Context, "/not-found", rows: 0);
        output.WriteLine($"first row: first visit {cold:0} ms, warm {string.Join(", ", warm.Select(w => w.ToString("0")))} ms (median {warm.Order().ElementAt(2):0})");
        output.WriteLine($"managed KB per open circuit after forced GC ({Circuits} circuits each): incident of {Entries} entries {large:0.0}, " +
            $"incident of 2 entries {oneEntry:0.0}, layout alone (/not-found) {layoutOnly:0.0}");
    }

    /// <summary>Opens <see cref="Circuits"/> more pages on <paramref name="path"/> (kept open) and returns the managed growth per page.</summary>
    private static async Task<double> PerCircuitKbAsync(IBrowserContext context, string path, int rows)
    {
        var before = Managed();
        for (var i = 0; i < Circuits; i++)
        {
            var p = await context.NewPageAsync();
            await BrowserFixture.GotoInteractiveAsync(p, path);
            await Assertions.Expect(p.GetByTestId("timeline-entry")).ToHaveCountAsync(rows);
        }

        return (Managed() - before) / (double)Circuits / 1024;
    }

    private static async Task<double> FirstRowAsync(IPage page, string id)
    {
        await page.GotoAsync($"/incidents/{id}");
        await page.GetByTestId("timeline-entry").First.WaitForAsync();
        return await page.EvaluateAsync<double>("window.__firstRow");
    }

    private static long Managed()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
