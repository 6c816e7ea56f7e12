using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;

namespace OperatorConsole.Core.Tests.Runs;

public sealed class RunRulesTests
{
    private static readonly RunbookStep First = new("s1", "Drain traffic", StepKind.Manual);
    private static readonly RunbookStep Second = new("s2", "Restart", StepKind.Manual);

    [Fact]
    public void WhyNotComplete_NothingChecked_SaysNothingIsChecked()
    {
        Assert.StartsWith("Nothing is checked yet", RunRules.WhyNotComplete(Run(Open(First), Open(Second))));
    }

    [Fact]
    public void WhyNotComplete_NoStepsAtAll_SaysNothingIsChecked()
    {
        Assert.StartsWith("Nothing is checked yet", RunRules.WhyNotComplete(Run()));
    }

    [Fact]
    public void WhyNotComplete_SomeChecked_NamesTheOpenSteps()
    {
        Assert.Equal("1 step(s) are not done yet: s2.", RunRules.WhyNotComplete(Run(Done(First), Open(Second))));
    }

    [Fact]
    public void WhyNotComplete_AllChecked_IsNull()
    {
        Assert.Null(RunRules.WhyNotComplete(Run(Done(First), Done(Second))));
    }

    [Fact]
    public void WhyNotStart_SectionsWithoutSteps_SaysThereAreNoSteps()
    {
        var runbook = Runbook(new RunbookSection("m", "Meaning", 2, SectionRole.Context, Priority.None, null, [], [], "Disk is filling."));

        Assert.Contains("has no steps to run", RunRules.WhyNotStart(runbook, runbook.Sections));
    }

    [Fact]
    public void WhyNotStart_ASectionWithSteps_IsNull()
    {
        var runbook = Runbook(new RunbookSection("s", "Steps", 2, SectionRole.Steps, Priority.None, null, [First], []));

        Assert.Null(RunRules.WhyNotStart(runbook, runbook.Sections));
    }

    private static RunStep Open(RunbookStep step) => new() { StepId = step.Id, SectionTitle = "Steps", Definition = step };

    private static RunStep Done(RunbookStep step) => Open(step) with { CheckedBy = "Ada", CheckedAt = DateTimeOffset.UnixEpoch };

    private static RunbookRun Run(params RunStep[] steps) => new()
    {
        Id = "run1",
        RunbookSlug = "r",
        RunbookVersion = 1,
        RunbookTitle = "R",
        StartedBy = "Ada",
        StartedAt = DateTimeOffset.UnixEpoch,
        Steps = steps,
    };

    private static Runbook Runbook(params RunbookSection[] sections) => new()
    {
        Slug = "r",
        Version = 1,
        Title = "R",
        Sections = sections,
        Source = "# R\n",
        SourceSha256 = new string('0', 64),
        ImportedAt = DateTimeOffset.UnixEpoch,
        ImportedBy = "Ada",
    };
}
