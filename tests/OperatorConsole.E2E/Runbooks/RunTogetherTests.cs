using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Runbooks;

public sealed class RunTogetherTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TwoOperators_OnOneRun_SeeEachOthersCheckOffAndProbeWithoutReload()
    {
        var alice = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        var bob = await fixture.SignedInPageAsync("oncall2", "demo-oncall2");

        var selfCheck = fixture.Host.Service<RunbookService>().List(new RunbookFilter(Tag: "self-check")).Single();
        await BrowserFixture.GotoInteractiveAsync(alice, $"/runbooks/{selfCheck.Slug}");
        await Assertions.Expect(alice.GetByTestId("runbook-title")).ToContainTextAsync("self-check", new() { IgnoreCase = true });
        await alice.GetByTestId("start-run").ClickAsync();
        await Assertions.Expect(alice).ToHaveURLAsync(new Regex("/runs/"));
        var runPath = new Uri(alice.Url).AbsolutePath;
        var run = fixture.Host.Service<RunService>().Get(runPath.Split('/').Last())!;
        var manual = run.Steps.First(s => s.Definition.Kind is StepKind.Manual or StepKind.Check);
        var probe = run.Steps.First(s => s.Definition.Kind == StepKind.Probe);

        await BrowserFixture.GotoInteractiveAsync(bob, runPath);
        await Assertions.Expect(bob.GetByTestId($"checked-by-{manual.StepId}")).ToHaveCountAsync(0);

        await alice.GetByTestId($"note-{manual.StepId}").FillAsync("looked fine");
        await alice.GetByTestId($"check-{manual.StepId}").ClickAsync();
        await Assertions.Expect(bob.GetByTestId($"checked-by-{manual.StepId}")).ToContainTextAsync("Omar On-call");

        await alice.GetByTestId($"probe-{probe.StepId}").ClickAsync();
        await Assertions.Expect(bob.GetByTestId($"probe-result-{probe.StepId}")).ToContainTextAsync("Passed");
        await Assertions.Expect(bob.GetByTestId($"checked-by-{probe.StepId}")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(bob, "run-page-second-browser");
    }
}
