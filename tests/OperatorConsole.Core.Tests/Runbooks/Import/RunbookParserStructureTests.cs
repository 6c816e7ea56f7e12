using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

public sealed class RunbookParserStructureTests
{
    private static ParsedRunbook Parse(string markdown, string? fileName = "test.md") => new RunbookParser().Parse(markdown, fileName);

    private static List<RunbookStep> Steps(string markdown) => Parse(markdown).Sections.SelectMany(s => s.Steps).ToList();

    [Fact]
    public void Parse_ExpectedOutputLabelAfterCommand_AttachesTheBlockToTheCommand()
    {
        var steps = Steps("# T\n\nRestart it:\n\n```bash\nsystemctl restart app\n```\n\n**Expected output:**\n\n```\nactive (running)\n```\n");

        var command = Assert.Single(steps);
        Assert.Equal(new RunbookStep("s1-1", "Restart it", StepKind.Command, "systemctl restart app", "bash", "active (running)"), command);
    }

    [Fact]
    public void Parse_ExpectedOutputInsideNumberedItem_AttachesToThatItemsCommand()
    {
        var steps = Steps("# T\n\n1. Check it:\n\n   ```sh\n   curl /x\n   ```\n\n   Expected:\n\n   ```\n   ok\n   ```\n");

        var command = Assert.Single(steps);
        Assert.Equal(("Check it", "ok"), (command.Text, command.ExpectedOutput));
    }

    [Fact]
    public void Parse_TaskListItems_BecomeChecksPreCheckedWhenTicked()
    {
        var steps = Steps("# T\n\n- [ ] Open the dashboard\n- [x] Page the owner\n");

        Assert.Equal(
            [("Open the dashboard", StepKind.Check, false), ("Page the owner", StepKind.Check, true)],
            steps.Select(s => (s.Text, s.Kind, s.PreChecked)));
    }

    [Fact]
    public void Parse_PipeTable_IsKeptAsPlainTextCells()
    {
        var section = Parse("# T\n\n| Alert | **Severity** |\n|---|---|\n| Disk full | `SEV-2` |\n").Sections.Single();

        var table = Assert.Single(section.Tables);
        Assert.Equal(["Alert", "Severity"], table.Header);
        Assert.Equal(["Disk full", "SEV-2"], Assert.Single(table.Rows));
        Assert.Equal("SEV-2", section.Severity);
    }

    [Fact]
    public void Parse_NestedBullets_AreFoldedIntoTheirParentStep()
    {
        var steps = Steps("# T\n\n- If the cache is cold:\n  - warm it\n  - wait a minute\n- Done\n");

        Assert.Equal(
            [("If the cache is cold: warm it; wait a minute", StepKind.Decision), ("Done", StepKind.Manual)],
            steps.Select(s => (s.Text, s.Kind)));
    }

    [Theory]
    [InlineData("If it fails, roll back")]
    [InlineData("Decide between rollback and fix")]
    [InlineData("Determine whether users see errors")]
    [InlineData("Confirm whether the pack is live")]
    public void Parse_ItemOpeningWithAChoice_IsADecision(string item) =>
        Assert.Equal(StepKind.Decision, Assert.Single(Steps($"# T\n\n1. {item}\n")).Kind);

    [Fact]
    public void Parse_RoleLabels_OpenSubSectionsUnderTheirHeading()
    {
        var runbook = Parse("# T\n\n## Play: restart (P1)\n\n**Trigger:** Service hung\n\n**Steps:**\n\n1. Restart\n\nVerification:\n\n- [ ] Healthy\n");

        Assert.Equal(
            [("T", 1, SectionRole.General), ("Play: restart (P1)", 2, SectionRole.General), ("Trigger: Service hung", 3, SectionRole.Trigger),
             ("Steps", 3, SectionRole.Steps), ("Verification", 3, SectionRole.Verification)],
            runbook.Sections.Select(s => (s.Title, s.Level, s.Role)));
        Assert.Equal(["s4-1"], runbook.Sections[3].Steps.Select(s => s.Id));
        Assert.Equal("Service hung", runbook.Trigger);
        Assert.Equal(Priority.P1, runbook.Priority);
    }

    [Fact]
    public void Parse_FrontMatter_WinsOverTheDocument()
    {
        var runbook = Parse("---\ntitle: Disk full\npriority: p1\ntags: Storage, Disk\ntrigger: Disk above 95%\n---\n# Something else (P0)\n\nTrigger: other\n");

        Assert.Equal(("disk-full", "Disk full", Priority.P1, "Disk above 95%"), (runbook.Slug, runbook.Title, runbook.Priority, runbook.Trigger));
        Assert.Equal(["storage", "disk"], runbook.Tags);
    }

    [Fact]
    public void Parse_PastedWithoutHeading_TakesTitleFromFirstLineAndOpensAnIntroduction()
    {
        var runbook = Parse("Operations Runbook\nfor the café\n\n- Check the queue\n", fileName: null);

        Assert.Equal(("operations-runbook", "Operations Runbook"), (runbook.Slug, runbook.Title));
        Assert.Equal("Introduction", Assert.Single(runbook.Sections).Title);
    }

    [Fact]
    public void Parse_TitleWithoutLatinLetters_TakesSlugFromFileName()
    {
        Assert.Equal("restart-runbook", Parse("# 再起動手順\n\n- 停止\n", "Restart Runbook.md").Slug);
    }

    [Fact]
    public void Parse_HeadingDecoration_IsStrippedFromSectionTitles()
    {
        Assert.Equal("Security: Mode", Parse("# T\n\n## 🛡️ **Security:** _Mode_\n").Sections[1].Title);
    }
}
