using Bunit;
using OperatorConsole.Web.Features.Audit;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Audit;

public sealed class HealthCheckPageTests : BunitTestContext
{
    [Fact]
    public async Task Render_IntactLedgerWithFreshEntry_ShowsEveryCheckPassing()
    {
        await ImportAsync("drill.md", "# Drill\n\n## Steps\n\n1. Look.\n");

        var cut = Render<HealthCheckPage>();

        cut.WaitForAssertion(() => Assert.Contains("All checks passed", cut.Find("[data-testid=health-summary]").TextContent, StringComparison.Ordinal), LiveTimeout);
        foreach (var check in new[] { "check-integrity", "check-decisions", "check-recent", "check-security-records" })
        {
            Assert.Contains("pass", cut.Find($"[data-testid={check}] .mud-chip").TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_EmptyLedger_RecentActivityFails()
    {
        var cut = Render<HealthCheckPage>();

        cut.WaitForAssertion(() => Assert.Contains("fail", cut.Find("[data-testid=check-recent] .mud-chip").TextContent, StringComparison.Ordinal), LiveTimeout);
        Assert.Contains("Some checks failed", cut.Find("[data-testid=health-summary]").TextContent, StringComparison.Ordinal);
    }
}
