using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

public sealed class RunbookParserLimitsTests
{
    private readonly RunbookParser _parser = new();

    [Theory]
    [InlineData("- ")]
    [InlineData("> ")]
    public void Parse_NestedOneLevelPastTheLimit_IsRefusedAsInvalidBody(string opener)
    {
        var text = "# Deep\n\n" + string.Concat(Enumerable.Repeat(opener, 65)) + "x\n";

        var error = Assert.Throws<DomainValidationException>(() => _parser.Parse(text, "deep.md"));

        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 64", Assert.Single(error.Errors["body"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedToTheLimit_Parses() =>
        Assert.Equal("Deep", _parser.Parse("# Deep\n\n" + string.Concat(Enumerable.Repeat("> ", 64)) + "x\n", "deep.md").Title);

    [Fact]
    public void Parse_TitleOver200Characters_IsCutTo200AndSaysSo()
    {
        var runbook = _parser.Parse($"# {new string('t', 300)}\n\n- Do it\n", "long.md");

        Assert.Equal(200, runbook.Title.Length);
        Assert.EndsWith("…", runbook.Title, StringComparison.Ordinal);
        Assert.Contains(runbook.Warnings, w => w.Contains("300 characters was cut to 200", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HeadingOver1000Characters_IsTextNotATitleOrSection()
    {
        var runbook = _parser.Parse($"# {new string('h', 5000)}\n\n## Steps\n\n- Do it\n", "huge-heading.md");

        Assert.Equal("huge-heading", runbook.Title);
        Assert.Equal(["Steps"], runbook.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Parse_OneMegabyteLine_IsRefusedNamingTheLine()
    {
        var text = "# Log dump\n\n" + new string('a', 1024 * 1024) + "\n";

        var error = Assert.Throws<DomainValidationException>(() => _parser.Parse(text, "dump.md"));

        Assert.StartsWith("Line 3 is 1,048,576 characters long", Assert.Single(error.Errors["body"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PastedLongButAllowedFirstLine_IsUntitledWithAWarning()
    {
        var runbook = _parser.Parse(new string('w', 50_000) + "\n", null);

        Assert.Equal("Untitled runbook", runbook.Title);
        Assert.Contains(runbook.Warnings, w => w.Contains("too long to be the title", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NothingToDo_ImportsWithANoStepsWarning()
    {
        var runbook = _parser.Parse("# About the cache\n\n## Background\n\nThe cache holds sessions.\n", "about.md");

        Assert.Contains(runbook.Warnings, w => w.StartsWith("No steps were found", StringComparison.Ordinal));
    }
}
