using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Web.Features.Runs;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Runs;

public sealed class RunListTests : BunitTestContext
{
    [Fact]
    public async Task Render_SearchAndSortInTheAddress_ShowsMatchingRunsInThatOrder()
    {
        await StartAsync("rotate-key.md", "Rotate the signing key");
        await StartAsync("restart-api.md", "Restart the API");
        await StartAsync("rotate-certs.md", "Rotate the TLS certificates");
        Services.GetRequiredService<NavigationManager>().NavigateTo("runs?q=rotate&sort=runbook");

        var cut = Render<RunList>();

        Assert.Equal(["Rotate the signing key", "Rotate the TLS certificates"], cut.FindAll("[data-testid=run-row]").Select(r => r.TextContent.Trim()));
        Assert.Contains("desc=true", cut.Find("[data-testid=sort-runbook]").GetAttribute("href"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("q=rotate", cut.Find("[data-testid=sort-started]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_StatusInTheAddressMatchingNothing_SaysNoRunsMatch()
    {
        await StartAsync("rotate-key.md", "Rotate the signing key");
        Services.GetRequiredService<NavigationManager>().NavigateTo("runs?status=Completed");

        var cut = Render<RunList>();

        Assert.Empty(cut.FindAll("[data-testid=run-row]"));
        Assert.Contains("No runs match", cut.Markup, StringComparison.Ordinal);
    }

    private async Task StartAsync(string file, string title)
    {
        var runbook = (await ImportAsync(file, $"# {title}\n\n## Steps\n\n1. Do the thing.\n")).Runbook;
        await Runs.StartAsync(Omar, runbook.Slug);
    }
}
