using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

/// <summary>The alert-runbook layouts of issue 10, one behaviour per test; the golden corpus covers them together.</summary>
public sealed class RunbookParserOperatorStructureTests
{
    private static ParsedRunbook Parse(string markdown) => new RunbookParser().Parse(markdown, "test.md");

    private static List<RunbookStep> Steps(string markdown) => Parse(markdown).Sections.SelectMany(s => s.Steps).ToList();

    [Fact]
    public void Parse_MeaningAndImpact_AreContextWithTheirTextAndNoSteps()
    {
        var runbook = Parse("# KubeJobFailed\n\n## Meaning\n\nThe job failed.\n\n- a list\n\n## Impact\n\n```\nkubectl get jobs\n```\n\n## Mitigation\n\n- Delete the job\n");

        Assert.Equal(
            [("Meaning", SectionRole.Context, "The job failed.\n\n- a list", 0), ("Impact", SectionRole.Context, "```\nkubectl get jobs\n```", 0), ("Mitigation", SectionRole.Steps, null, 1)],
            runbook.Sections.Skip(1).Select(s => (s.Title, s.Role, s.Body, s.Steps.Count)));
    }

    [Fact]
    public void Parse_ParagraphsAndCodeWithoutAList_GiveOneCommandPerBlockTitledByItsSentence()
    {
        var steps = Steps("# T\n\n## Mitigation\n\nThis usually clears itself. Restart the pod:\n\n```sh\nkubectl delete pod x\n```\n\nThen scale it up:\n\n```sh\nkubectl scale deploy/x --replicas=3\n```\n");

        Assert.Equal(
            [("Restart the pod", "kubectl delete pod x"), ("Then scale it up", "kubectl scale deploy/x --replicas=3")],
            steps.Select(s => (s.Text, s.Command)));
    }

    [Fact]
    public void Parse_InstructionParagraphInAnActionableSection_IsAStep()
    {
        var steps = Steps("# T\n\n## Diagnosis\n\nThe alert is noisy at night.\n\nCheck pod events via `kubectl describe pod x`.\n");

        Assert.Equal([("Check pod events via kubectl describe pod x.", StepKind.Manual)], steps.Select(s => (s.Text, s.Kind)));
    }

    // prometheus-operator's NodeFilesystemAlmostOutOfSpace: the whole mitigation is a pointer to another runbook.
    [Fact]
    public void Parse_PointerThatIsAnActionableSectionsOnlyContent_IsItsStepWithItsLink()
    {
        var step = Assert.Single(Steps("# NodeDiskAlmostFull\n\n## Meaning\n\nThe disk is nearly full.\n\n## Mitigation\n\nSee [Disk filling up](./NodeDiskFillingUp.md).\n"));

        Assert.Equal("See Disk filling up.", step.Text);
        Assert.Equal([new StepLink("Disk filling up", "./NodeDiskFillingUp.md")], step.Links);
    }

    [Fact]
    public void Parse_PointerBesideOtherSteps_IsNoStep() =>
        Assert.Equal(
            ["Roll the deployment back"],
            Steps("# T\n\n## Mitigation\n\nSee the [debugging guide](https://example.org/debug) for more.\n\nRoll the deployment back:\n\n```sh\nkubectl rollout undo deploy/x\n```\n").Select(s => s.Text));

    [Theory]
    [InlineData("mermaid", "graph LR\n  lb --> web")]
    [InlineData("math", "error\\_rate = 1 - \\frac{ok}{total}")]
    public void Parse_DiagramOrMathBlock_IsNoCommand(string language, string content) =>
        Assert.Empty(Steps($"# T\n\n## Diagnosis\n\nThe request path:\n\n```{language}\n{content}\n```\n"));

    // AWS GuardDuty's finding pages write their one actionable part as a bold label below descriptive text.
    [Fact]
    public void Parse_BoldLabelNamingAnActionablePart_OpensItsStepsPart()
    {
        var runbook = Parse("Finding:Type/Example\n---\n\n### Something odd ran on an instance.\n\nA process ran a command an attacker would.\n\n**Remediation recommendations:**\n\nIf this activity is unexpected, isolate the instance. See [the guide](https://example.org/guide).\n");

        var part = Assert.Single(runbook.Sections, s => s.Title == "Remediation recommendations");
        Assert.Equal(SectionRole.Steps, part.Role);
        Assert.Equal([StepKind.Decision], part.Steps.Select(s => s.Kind));
    }

    // "Fix: none needed" is a remark with its text on the line, not the start of a part.
    [Fact]
    public void Parse_ActionableWordLabelWithTextOnItsLine_OpensNoPart() =>
        Assert.DoesNotContain(Parse("# T\n\n## Meaning\n\nFix: none needed, it clears itself.\n").Sections, s => s.Role == SectionRole.Steps);

    [Fact]
    public void Parse_CodeUnderANestedBullet_BelongsToThatBullet()
    {
        var steps = Steps("# T\n\n## Steps\n\n- Check capacity\n  - Look at nodes:\n\n    ```sh\n    kubectl top nodes\n    ```\n\n  - Look for pending pods\n");

        Assert.Equal(
            [("Check capacity", StepKind.Manual, null), ("Look at nodes", StepKind.Command, "kubectl top nodes"), ("Look for pending pods", StepKind.Manual, null)],
            steps.Select(s => (s.Text, s.Kind, s.Command)));
    }

    [Theory]
    [InlineData("Example output:\n\n```\nok\n```")]
    [InlineData("Sample output\n\n```\nok\n```")]
    [InlineData("<details>\n<summary>Sample output</summary>\n\n```\nok\n```\n\n</details>")]
    [InlineData("```text\nok\n```")]
    [InlineData("<!-- what it prints -->\n\n```json\nok\n```")]
    public void Parse_OutputAfterACommand_IsThatCommandsExpectedOutput(string output)
    {
        var step = Assert.Single(Steps($"# T\n\n## Steps\n\nCheck it:\n\n```sh\ncurl /health\n```\n\n{output}\n"));

        Assert.Equal(("curl /health", "ok"), (step.Command, step.ExpectedOutput));
    }

    // Real runbooks show a second sample ("Example output:" twice, one healthy and one failing) or a sample before any
    // command; a block labelled as output still is not something to run.
    [Theory]
    [InlineData("Check it:\n\n```sh\ncurl /health\n```\n\nExample output:\n\n```\nok\n```\n\nExample output:\n\n```\n503 Service Unavailable\n```\n")]
    [InlineData("Check it:\n\n```sh\ncurl /health\n```\n\n<details>\n<summary>Sample output</summary>\n\n```\nok\n```\n\n</details>\n\n<details>\n<summary>Sample output</summary>\n\n```\n503 Service Unavailable\n```\n\n</details>\n")]
    public void Parse_LabelledOutputWithNoCommandLeftToTakeIt_IsNotACommand(string body)
    {
        var step = Assert.Single(Steps($"# T\n\n## Steps\n\n{body}"));

        Assert.Equal(("curl /health", "ok"), (step.Command, step.ExpectedOutput));
    }

    [Fact]
    public void Parse_LabelledOutputBeforeAnyCommand_IsNotACommand() =>
        Assert.DoesNotContain(Steps("# T\n\n## Diagnosis\n\nExample output:\n\n```\nPOD   STATUS\nweb   CrashLoopBackOff\n```\n\n- Delete the pod\n"), s => s.Kind == StepKind.Command);

    [Theory]
    [InlineData("bash", "$ systemctl restart app", "systemctl restart app")]
    [InlineData("console", "# systemctl restart app", "systemctl restart app")]
    [InlineData("bash", "# Restart the app\nsystemctl restart app", "# Restart the app\nsystemctl restart app")]
    [InlineData("python", "# daily_check.py\nprint(1)", "# daily_check.py\nprint(1)")]
    [InlineData("powershell", "PS C:\\> Restart-Service W3SVC", "Restart-Service W3SVC")]
    [InlineData("console", "ops@web-01:~$ sudo systemctl restart app", "sudo systemctl restart app")]
    public void Parse_Prompts_AreStrippedAndCommentsKept(string language, string block, string command)
    {
        var step = Assert.Single(Steps($"# T\n\nRestart it:\n\n```{language}\n{block}\n```\n"));

        Assert.Equal((command, language, null), (step.Command, step.Language, step.ExpectedOutput));
    }

    [Fact]
    public void Parse_ConsoleBlockWithSeveralPrompts_GivesOneCommandEachWithItsOutput()
    {
        var steps = Steps("# T\n\nRoll it:\n\n```console\n$ kubectl rollout restart deploy/x\ndeployment.apps/x restarted\n$ kubectl rollout status deploy/x \\\n    --timeout=1m\nsuccessfully rolled out\n```\n");

        Assert.Equal(
            [("kubectl rollout restart deploy/x", "deployment.apps/x restarted"), ("kubectl rollout status deploy/x \\\n    --timeout=1m", "successfully rolled out")],
            steps.Select(s => (s.Command, s.ExpectedOutput)));
    }

    [Fact]
    public void Parse_WrappedLineEndingLikeALabel_OpensNoSection()
    {
        var runbook = Parse("# T\n\n## Steps\n\nBefore you restart anything, read the notes about\nthe following:\n\n- Drain the node\n\nA paragraph that wraps\nover two lines\n---\n");

        Assert.Equal(["T", "Steps"], runbook.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Parse_WrappedParagraphAboveARuleInAContextSection_StaysInItsBody()
    {
        var background = Parse("# T\n\n## Background\nThe job writes nightly and a failed run\nbreaks our RPO.\n---\n\n## Fix\n\n- Rerun it\n").Sections[1];

        Assert.Equal(("Background", "The job writes nightly and a failed run\nbreaks our RPO.\n---"), (background.Title, background.Body));
    }

    [Fact]
    public void Parse_InstructionFollowedByALogBlock_StaysAStep()
    {
        var steps = Steps("# T\n\n## Diagnosis\n\nCheck the controller logs.\n\n```log\nerror: timeout\n```\n");

        Assert.Equal([("Check the controller logs.", StepKind.Manual)], steps.Select(s => (s.Text, s.Kind)));
    }

    [Theory]
    [InlineData("**Severity:** Critical", Priority.P0, "SEV-1")]
    [InlineData("Severity: high", Priority.P1, "SEV-2")]
    [InlineData("Severity: Warning", Priority.P2, "SEV-3")]
    [InlineData("**Severity**: info", Priority.P3, null)]
    public void Parse_SeverityLine_SetsPriorityAndSeverity(string line, Priority priority, string? severity)
    {
        var runbook = Parse($"# T\n\n{line}\n\n- Do it\n");

        Assert.Equal((priority, severity), (runbook.Priority, runbook.Severities.SingleOrDefault()));
        Assert.Single(runbook.Sections.SelectMany(s => s.Steps));
    }

    [Fact]
    public void Parse_FrontMatter_GivesSeverityAndEveryAlias()
    {
        var runbook = Parse("---\ntitle: Disk full\nid: disk-full\naliases: [/old/path/]\nalertname: NodeDiskFull\nseverity: critical\n---\n- Free space\n");

        Assert.Equal(Priority.P0, runbook.Priority);
        Assert.Equal(["SEV-1"], runbook.Severities);
        Assert.Equal(["disk-full", "/old/path/", "NodeDiskFull"], runbook.Aliases);
    }

    [Theory]
    [InlineData("# KubePodCrashLooping", "KubePodCrashLooping")]
    [InlineData("# Alert: HighErrorRate", "HighErrorRate")]
    [InlineData("# KubeletDown - Kubelet is down", "KubeletDown")]
    [InlineData("# PgBouncer connection saturation", null)]
    [InlineData("# Watchdog", null)]
    public void Parse_AlertNameInTheTitle_IsAnAlias(string heading, string? alias) =>
        Assert.Equal(alias, Parse($"{heading}\n\n- Check it\n").Aliases.SingleOrDefault());
}
