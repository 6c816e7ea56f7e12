using System.Text;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

/// <summary>
/// Where a runbook's title comes from: front matter, then its first level-1 heading, then its file name; only pasted
/// text (no file name) falls back to its first line. Real repositories hold many files that open with prose.
/// </summary>
public sealed class RunbookParserTitleTests
{
    private const string Prose = "This alert fires when the Kubernetes API server has not answered a scrape for fifteen minutes, which usually means the control plane is down or unreachable from Prometheus, and every controller that depends on it has stopped reconciling.\n\n## Mitigation\n\n- Check the apiserver pods\n";

    private readonly RunbookParser _parser = new();

    [Theory]
    [InlineData("kube-apiserver-down.md", "kube-apiserver-down")]
    [InlineData("docs/alerts/HighLatency.md", "HighLatency")]
    [InlineData("docs\\alerts\\Disk Full.markdown", "Disk Full")]
    [InlineData("NOTES", "NOTES")]
    public void Parse_FileWithoutHeading_TakesItsFileNameAsTitleNotItsFirstParagraph(string fileName, string title)
    {
        var runbook = _parser.Parse(Prose, fileName);

        Assert.Equal(title, runbook.Title);
        Assert.DoesNotContain(runbook.Warnings, w => w.Contains("cut to", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_FileWithoutHeading_SlugsFromItsFileName()
    {
        Assert.Equal("kube-apiserver-down", _parser.Parse(Prose, "kube-apiserver-down.md").Slug);
    }

    [Fact]
    public void Parse_FileNamedForAnAlert_AnswersToThatAlert()
    {
        Assert.Contains("HighLatency", _parser.Parse(Prose, "alerts/HighLatency.md").Aliases);
    }

    [Fact]
    public void Parse_FrontMatterTitle_StillWinsOverTheFileName()
    {
        Assert.Equal("API server down", _parser.Parse("---\ntitle: API server down\n---\n" + Prose, "kube-apiserver-down.md").Title);
    }

    [Fact]
    public void Parse_LevelOneHeading_StillWinsOverTheFileName()
    {
        Assert.Equal("KubeAPIDown", _parser.Parse("# KubeAPIDown\n\n" + Prose, "kube-apiserver-down.md").Title);
    }

    // GitLab's runbooks open several pages with "# Summary"; RealmJoin's generated lists with "# Overview".
    [Theory]
    [InlineData("# Summary")]
    [InlineData("# Overview")]
    [InlineData("# 1. Description:")]
    public void Parse_FirstLevelOneHeadingNamingOnlyAPart_LeavesTheTitleToTheFileNameAndIsThatPart(string heading)
    {
        var runbook = _parser.Parse(heading + "\n\nHow to get paged for the cluster.\n\n## Procedure\n\n1. Join the rotation.\n", "docs/kube/k8s-oncall-setup.md");

        Assert.Equal("k8s-oncall-setup", runbook.Title);
        Assert.Equal(SectionRole.Context, runbook.Sections[0].Role);
    }

    [Theory]
    [InlineData("# Summary of the payments outage drill")]
    [InlineData("# Mitigation for stuck pods")]
    public void Parse_FirstLevelOneHeadingThatOnlyStartsWithAPartsWord_IsTheTitle(string heading) =>
        Assert.Equal(heading[2..], _parser.Parse(heading + "\n\n" + Prose, "drill.md").Title);

    [Fact]
    public void Parse_PastedProseWithoutHeading_TakesItsFirstLineCutWithAWarning()
    {
        var runbook = _parser.Parse(Prose, null);

        Assert.InRange(runbook.Title.Length, 150, 200);
        Assert.StartsWith("This alert fires when", runbook.Title, StringComparison.Ordinal);
        Assert.EndsWith("…", runbook.Title, StringComparison.Ordinal);
        Assert.Contains(runbook.Warnings, w => w.Contains("cut to 200", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CrlfBomAndNoHeading_TakesTheFileName()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Prose.Replace("\n", "\r\n", StringComparison.Ordinal))];

        var runbook = _parser.Parse(content, "etcd-no-leader.md");

        Assert.Equal("etcd-no-leader", runbook.Title);
        Assert.Equal("Check the apiserver pods", Assert.Single(runbook.Sections.SelectMany(s => s.Steps)).Text);
    }

    [Fact]
    public void Parse_DoubleEncodedFirstLineAndNoHeading_TakesTheFileName()
    {
        // "âœ… All good" is UTF-8 read as Windows-1252 and saved again; the repair happens, the title is still the name.
        var runbook = _parser.Parse("âœ… All good when the queue drains.\n\n- Check the queue\n", "queue-drain.md");

        Assert.Equal("queue-drain", runbook.Title);
        Assert.NotEmpty(runbook.Repairs);
    }

    [Fact]
    public void Parse_FileNameOfOnlyAnExtension_FallsBackToTheFirstLine()
    {
        Assert.Equal("Restart the queue", _parser.Parse("Restart the queue\n\n- Stop it\n", ".md").Title);
    }
}
