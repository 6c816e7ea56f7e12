using Bunit;
using OperatorConsole.Core.Runs;
using OperatorConsole.Web.Features.Runs;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Runs;

public sealed class RunPageTests : BunitTestContext
{
    private const string Markdown = """
        ---
        title: Rotate the signing key
        priority: P1
        ---

        # Rotate the signing key

        ## Steps

        1. Announce the rotation in the team channel.
        2. Generate the new key:

           ```bash
           keytool -genkey -alias signing-2026
           ```

        3. Confirm the old key is no longer used.
        """;

    [Fact]
    public async Task Render_NewRun_ShowsEveryStepAndZeroProgress()
    {
        var run = await StartRunAsync();

        var cut = RenderRun(run.Id);

        Assert.Equal(3, run.Steps.Count);
        Assert.Equal("0 / 3 done", cut.Find("[data-testid=run-progress-text]").TextContent.Trim());
        Assert.All(run.Steps, step => cut.Find($"[data-testid='step-{step.StepId}']"));
        Assert.Contains("keytool -genkey -alias signing-2026", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClickCheck_OpenStep_RecordsCheckAsSignedInUser()
    {
        var run = await StartRunAsync();
        var step = run.Steps[0].StepId;
        var cut = RenderRun(run.Id);

        cut.Find($"[data-testid='check-{step}']").Click();

        cut.WaitForAssertion(() => Assert.Equal(Omar.DisplayName, Runs.Get(run.Id)!.Step(step).CheckedBy), LiveTimeout);
    }

    [Fact]
    public async Task ClickCheck_OpenStep_ShowsCheckedByAndProgress()
    {
        var run = await StartRunAsync();
        var step = run.Steps[0].StepId;
        var cut = RenderRun(run.Id);

        cut.Find($"[data-testid='check-{step}']").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains($"Checked by {Omar.DisplayName}", cut.Find($"[data-testid='checked-by-{step}']").TextContent, StringComparison.Ordinal);
            Assert.Empty(cut.FindAll($"[data-testid='check-{step}']"));
            Assert.Equal("1 / 3 done", cut.Find("[data-testid=run-progress-text]").TextContent.Trim());
        }, LiveTimeout);
    }

    [Fact]
    public async Task CheckByAnotherActor_AfterRender_AppearsLive()
    {
        var run = await StartRunAsync();
        var step = run.Steps[1].StepId;
        var cut = RenderRun(run.Id);
        Assert.Empty(cut.FindAll($"[data-testid='checked-by-{step}']"));

        await Runs.CheckStepAsync(Olga, run.Id, step, note: "new key in the vault");

        cut.WaitForAssertion(() =>
        {
            Assert.Contains($"Checked by {Olga.DisplayName}", cut.Find($"[data-testid='checked-by-{step}']").TextContent, StringComparison.Ordinal);
            Assert.Contains("new key in the vault", cut.Markup, StringComparison.Ordinal);
            Assert.Equal("1 / 3 done", cut.Find("[data-testid=run-progress-text]").TextContent.Trim());
        }, LiveTimeout);
    }

    [Fact]
    public async Task CompleteByAnotherActor_AfterRender_TurnsReadOnlyLive()
    {
        var run = await StartRunAsync();
        var cut = RenderRun(run.Id);
        foreach (var step in run.Steps)
        {
            await Runs.CheckStepAsync(Olga, run.Id, step.StepId);
        }

        await Runs.CompleteAsync(Olga, run.Id);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Completed", cut.Find("[data-testid=run-status]").TextContent.Trim());
            Assert.Empty(cut.FindAll("[data-testid=complete-run]"));
        }, LiveTimeout);
    }

    [Fact]
    public async Task Render_CompletedRun_ShowsNoCheckButtons()
    {
        var run = await StartRunAsync();
        foreach (var step in run.Steps)
        {
            await Runs.CheckStepAsync(Olga, run.Id, step.StepId);
        }

        await Runs.CompleteAsync(Olga, run.Id);

        var cut = RenderRun(run.Id);

        Assert.Equal("Completed", cut.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid^='check-']"));
        Assert.Empty(cut.FindAll("[data-testid=complete-run]"));
        Assert.Equal(3, cut.FindAll("[data-testid^='checked-by-']").Count);
    }

    [Fact]
    public void Render_UnknownRunId_ShowsEmptyState()
    {
        var cut = RenderRun("nosuchrun");

        Assert.Contains("No such run", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("There is no run 'nosuchrun'.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=run-progress-text]"));
    }

    [Fact]
    public async Task Render_NothingChecked_DisablesCompleteAndSaysWhy()
    {
        var run = await StartRunAsync();

        var cut = RenderRun(run.Id);

        Assert.True(cut.Find("[data-testid=complete-run]").HasAttribute("disabled"));
        Assert.Contains("Nothing is checked yet", cut.Find("[data-testid=complete-run-why]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_AllStepsChecked_EnablesCompleteWithoutExplanation()
    {
        var run = await StartRunAsync();
        foreach (var step in run.Steps)
        {
            await Runs.CheckStepAsync(Omar, run.Id, step.StepId);
        }

        var cut = RenderRun(run.Id);

        Assert.False(cut.Find("[data-testid=complete-run]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=complete-run-why]"));
    }

    [Fact]
    public async Task ClickCopy_CommandStep_CopiesTheStepsCommandExactly()
    {
        var run = await StartRunAsync();
        var command = run.Steps.Single(s => s.Definition.Command is not null);
        var clipboard = JSInterop.SetupModule("./js/clipboard.js");
        clipboard.SetupVoid("copyText", _ => true);
        var cut = RenderRun(run.Id);

        cut.Find($"[data-testid='step-{command.StepId}'] button[aria-label='Copy command']").Click();

        cut.WaitForAssertion(() => Assert.Equal(command.Definition.Command, clipboard.VerifyInvoke("copyText").Arguments[0]), LiveTimeout);
    }

    [Fact]
    public async Task KeyJThenSpace_OpenRun_ChecksOffTheSecondStepOnly()
    {
        var run = await StartRunAsync();
        var cut = RenderRun(run.Id);

        await cut.InvokeAsync(() => cut.Instance.OnKey("j"));
        await cut.InvokeAsync(() => cut.Instance.OnKey(" "));

        var steps = Runs.Get(run.Id)!.Steps;
        Assert.Equal([false, true, false], steps.Select(s => s.IsDone));
        Assert.Equal("true", cut.Find($"[data-testid='step-{steps[1].StepId}']").GetAttribute("data-current"));
    }

    [Fact]
    public async Task KeyK_OnFirstStep_StaysOnTheFirstStep()
    {
        var run = await StartRunAsync();
        var cut = RenderRun(run.Id);

        await cut.InvokeAsync(() => cut.Instance.OnKey("k"));

        Assert.Equal("true", cut.Find($"[data-testid='step-{run.Steps[0].StepId}']").GetAttribute("data-current"));
    }

    [Fact]
    public async Task Render_StepWithLinks_OpensImportedAndWebLinksButNoScript()
    {
        await ImportAsync("runs/cleanup-guide.md", "# Log cleanup guide\n\n## Steps\n\n1. Delete rotated logs.\n");
        var runbook = (await ImportAsync("runs/disk-links.md",
            "# Disk with links\n\n## Steps\n\n1. Open [the dashboard](https://grafana.example.com/d/disk), follow [the guide](cleanup-guide.md#steps) and skip [this](javascript:alert(1)).\n")).Runbook;
        var run = await Runs.StartAsync(Omar, runbook.Slug);

        var cut = RenderRun(run.Id);

        var step = cut.Find($"[data-testid='step-{run.Steps[0].StepId}']");
        Assert.Equal(
            ["https://grafana.example.com/d/disk", $"/runbooks/{Runbooks.List().Single(r => r.Title == "Log cleanup guide").Slug}#steps"],
            step.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("skip this.", step.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<RunbookRun> StartRunAsync()
    {
        var runbook = (await ImportAsync("rotate-signing-key.md", Markdown)).Runbook;
        return await Runs.StartAsync(Omar, runbook.Slug);
    }

    private IRenderedComponent<RunPage> RenderRun(string id) => Render<RunPage>(p => p.Add(c => c.Id, id));
}
