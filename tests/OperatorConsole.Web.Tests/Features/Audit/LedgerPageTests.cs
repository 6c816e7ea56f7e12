using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Web.Features.Audit;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Audit;

public sealed class LedgerPageTests : BunitTestContext
{
    [Fact]
    public async Task Render_LongLedger_ShowsOnePageWithAWayToOlderEntries()
    {
        await RecordAsync(120);

        var cut = Render<LedgerPage>();

        Assert.Equal(LedgerPage.PageSize, cut.FindAll("[data-testid=ledger-table] tbody tr").Count);
        Assert.Contains("page=2", cut.Find("[data-testid=ledger-older]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_FilterInTheAddress_ShowsOnlyMatchesAndKeepsTheFilterInTheForm()
    {
        await RecordAsync(120);
        Services.GetRequiredService<NavigationManager>().NavigateTo("ledger?subject=test:1");

        var cut = Render<LedgerPage>();

        // Subjects starting "test:1": test:1, test:10–19 and test:100–119.
        Assert.Equal(31, cut.FindAll("[data-testid=ledger-table] tbody tr").Count);
        Assert.Equal("test:1", cut.Find("input[data-testid=ledger-subject]").GetAttribute("value"));
    }

    [Fact]
    public async Task Render_LastPageInTheAddress_ShowsTheOldestRemainderWithNoOlderPage()
    {
        await RecordAsync(120);
        Services.GetRequiredService<NavigationManager>().NavigateTo("ledger?subject=test:&page=3");

        var cut = Render<LedgerPage>();

        Assert.Equal(20, cut.FindAll("[data-testid=ledger-table] tbody tr").Count);
        Assert.Contains("test:0", cut.Find("[data-testid=ledger-table] tbody tr:last-child").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=ledger-older]").HasAttribute("disabled"));
    }

    private Task RecordAsync(int count) =>
        Services.GetRequiredService<ChangeRunner>().RunAsync(Actor.System, c =>
        {
            for (var i = 0; i < count; i++)
            {
                c.Record("test.entry", $"test:{i}", new { i });
            }

            return 0;
        });
}
