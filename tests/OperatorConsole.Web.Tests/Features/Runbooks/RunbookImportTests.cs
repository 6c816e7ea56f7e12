using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Web.Features.Runbooks;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Runbooks;

public sealed class RunbookImportTests : BunitTestContext
{
    private const string Markdown = "# Restart the cache\n\n1. Drain traffic\n2. Restart\n";

    [Fact]
    public async Task ImportPasted_DuringLockdown_ImportDisabledSayingWhy()
    {
        await Services.GetRequiredService<LockdownService>().EngageAsync(Olga, "bad pack spreading");
        var cut = Render<RunbookImport>();

        cut.Find("textarea[data-testid=paste-input]").Change(Markdown);

        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=paste-import]").HasAttribute("disabled")));
        Assert.Contains("bad pack spreading. Release it first.", cut.Find("[data-refusal='runbook.import']").GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.DoesNotContain(Runbooks.List(new Core.Runbooks.RunbookFilter(null, null, null)), r => r.Title == "Restart the cache");
    }

    [Theory]
    [InlineData("> ")]
    [InlineData("- ")]
    public void ImportPasted_NestedTenThousandDeep_ShowsTheRefusalAndStopsTheSpinner(string level)
    {
        var cut = Render<RunbookImport>();

        cut.Find("textarea[data-testid=paste-input]").Change("# Deep\n\n" + string.Concat(Enumerable.Repeat(level, 10_000)) + "x\n");
        cut.Find("[data-testid=paste-import]").Click();

        cut.WaitForAssertion(() => Assert.Contains("nested too deeply", cut.Find("[data-testid=import-error]").TextContent, StringComparison.Ordinal), LiveTimeout);
        Assert.False(cut.Find("[data-testid=paste-import]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=paste-import] .mud-progress-circular"));
        Assert.Empty(Runbooks.List());
    }
}
