using Bunit;
using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Web.Features.Audit;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Audit;

public sealed class InvestigatePageTests : BunitTestContext
{
    private static readonly Actor Vera = new("vera", "Vera Viewer", Role.Viewer);

    [Fact]
    public async Task Render_DeniedAttemptInLastDay_ShowsItInGroupsAndProblemList()
    {
        await ImportAsync("drill.md", "# Drill\n\n## Steps\n\n1. Look.\n");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Runs.StartAsync(Vera, "drill"));

        var cut = Render<InvestigatePage>();

        Assert.Contains("vera", cut.Find("[data-testid=by-actor]").TextContent, StringComparison.Ordinal);
        Assert.Contains("denied", cut.Find("[data-testid=by-outcome]").TextContent, StringComparison.Ordinal);
        var row = Assert.Single(cut.FindAll("[data-testid=problems-table] tbody tr"));
        Assert.Contains("run.start", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("vera", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_FromAfterTo_ShowsInlineErrorAndKeepsResult()
    {
        var cut = Render<InvestigatePage>();

        var fields = cut.FindComponents<MudTextField<string>>();
        fields[0].Find("input").Change("2026-03-02 00:00");
        fields[1].Find("input").Change("2026-03-01 00:00");
        cut.Find("[data-testid=investigate-apply]").Click();

        Assert.Contains("is after", cut.Find("[data-testid=investigate-error]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=investigate-count]"));
    }
}
