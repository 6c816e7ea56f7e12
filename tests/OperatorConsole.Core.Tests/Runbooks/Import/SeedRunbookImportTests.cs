using OperatorConsole.Core.Runbooks;
using static OperatorConsole.Core.Tests.Runbooks.Import.SeedRunbooks;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

// The exact counts were read off the parsed output once and checked by hand against the documents;
// a change here means the importer now reads a real runbook differently.
public sealed class SeedRunbookImportTests
{
    [Theory]
    [InlineData(AiImmunity, "AI-Immunity Production Runbook: The Six Sacred Rites", 36, 64, 42, 10, 12, 0, 0)]
    [InlineData(AiSystemOperator, "AI SYSTEM OPERATOR RUNBOOK (v1.0.0)", 17, 21, 7, 5, 9, 0, 0)]
    [InlineData(Kernels, "KERNELS Operations Playbook", 49, 47, 0, 37, 10, 0, 0)]
    [InlineData(RealAgi, "REAL‑AGI Operations Runbook", 5, 16, 16, 0, 0, 0, 0)]
    [InlineData(BinKindly, "BinKindly Operations Runbook", 78, 135, 119, 0, 4, 0, 12)]
    [InlineData(SelfCheck, "OperatorConsole self-check", 5, 10, 3, 3, 1, 2, 1)]
    public void Parse_SeedRunbook_FindsItsTitleSectionsAndStepKinds(
        string file, string title, int sections, int steps, int manual, int check, int command, int probe, int decision)
    {
        var runbook = Parse(file);

        Assert.Equal(title, runbook.Title);
        Assert.Equal(sections, runbook.Sections.Count);
        Assert.Equal(steps, runbook.Steps().Count);
        Assert.Equal(
            [manual, check, command, probe, decision],
            [runbook.Count(StepKind.Manual), runbook.Count(StepKind.Check), runbook.Count(StepKind.Command), runbook.Count(StepKind.Probe), runbook.Count(StepKind.Decision)]);
    }

    [Theory]
    [InlineData(AiImmunity)]
    [InlineData(AiSystemOperator)]
    [InlineData(Kernels)]
    [InlineData(RealAgi)]
    [InlineData(BinKindly)]
    [InlineData(SelfCheck)]
    public void Parse_SeedRunbook_GivesEveryStepAUniqueStableId(string file)
    {
        var first = Parse(file).Steps().Select(s => s.Id).ToList();
        var second = Parse(file).Steps().Select(s => s.Id).ToList();

        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Equal(first, second);
    }

    [Fact]
    public void Parse_AiImmunitySeed_RepairsTheDoubleEncodedEmoji()
    {
        var runbook = Parse(AiImmunity);

        Assert.DoesNotContain("âœ…", runbook.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("ğŸ", runbook.Source, StringComparison.Ordinal);
        Assert.Contains("✅", runbook.Source, StringComparison.Ordinal);
        Assert.Contains("🛡", runbook.Source, StringComparison.Ordinal);
        Assert.Contains("\"âœ…\" → \"✅\" (×21)", runbook.Repairs);
    }

    [Fact]
    public void Parse_AiImmunitySeed_TakesTheMostUrgentRitePriorityAndKeepsBothTables()
    {
        var runbook = Parse(AiImmunity);

        Assert.Equal(Priority.P0, runbook.Priority);
        Assert.Equal(Priority.P3, runbook.Sections.Single(s => s.Title == "6. Rebuild Rite (P3 - Emergency)").Priority);
        Assert.Equal(2, runbook.Sections.Sum(s => s.Tables.Count));
        Assert.Equal(7, runbook.Steps().Count(s => s.PreChecked));
    }

    [Theory]
    [InlineData(AiSystemOperator)]
    [InlineData(Kernels)]
    [InlineData(RealAgi)]
    [InlineData(BinKindly)]
    [InlineData(SelfCheck)]
    public void Parse_CleanSeed_ReportsNoRepairs(string file) => Assert.Empty(Parse(file).Repairs);

    [Fact]
    public void Parse_AiSystemOperatorSeed_TakesTriggerFromScenarioAndPurposeFromGoal()
    {
        var runbook = Parse(AiSystemOperator);

        Assert.Equal("System is behaving erratically or dangerously.", runbook.Trigger);
        Assert.Equal("Safely move a model from CANDIDATE to PRODUCTION.", runbook.Purpose);
        Assert.Equal(Priority.None, runbook.Priority);
    }

    [Fact]
    public void Parse_KernelsSeed_SplitsEachPlayIntoTriggerStepsAndVerification()
    {
        var runbook = Parse(Kernels);
        var roles = runbook.Sections.Select(s => s.Role).ToList();

        Assert.Equal("First-time deployment of KERNELS", runbook.Trigger);
        Assert.Equal(10, roles.Count(r => r == SectionRole.Trigger));
        Assert.Equal(10, roles.Count(r => r == SectionRole.Steps));
        Assert.Equal(10, roles.Count(r => r == SectionRole.Verification));
    }

    [Fact]
    public void Parse_BinKindlySeed_CollectsSeveritiesAndClosureConditions()
    {
        var runbook = Parse(BinKindly);

        Assert.Equal(["SEV-1", "SEV-2", "SEV-3"], runbook.Severities);
        Assert.Equal("SEV-2", runbook.Sections.Single(s => s.Title == "SEV-2").Severity);
        Assert.Equal(6, runbook.Sections.Count(s => s.Role == SectionRole.ClosureCondition));
        Assert.Equal(["binkindly", "incident-response", "rollback", "kill-switch", "launch-day"], runbook.Tags);
    }

    [Fact]
    public void Parse_SelfCheckDemo_ReadsFrontMatterAndBothConsoleProbes()
    {
        var runbook = Parse(SelfCheck);
        var probes = runbook.Steps().Where(s => s.Kind == StepKind.Probe).Select(s => s.Probe!).ToList();

        Assert.Equal("operatorconsole-self-check", runbook.Slug);
        Assert.Equal(Priority.P2, runbook.Priority);
        Assert.Equal(["demo", "self-check"], runbook.Tags);
        Assert.NotNull(runbook.Trigger);
        Assert.Equal(["GET /health/live 200", "GET /health/ready 200"], probes.Select(p => $"{p.Method} {p.Url} {p.ExpectedStatus}"));
        Assert.Equal("200", runbook.Steps().Single(s => s.Kind == StepKind.Command).ExpectedOutput);
    }
}
