using System.Text;
using OperatorConsole.Core.Runbooks.Bulk;

namespace OperatorConsole.Core.Tests.Runbooks.Bulk;

public sealed class RunbookFileClassifierTests
{
    private static FileClass Classify(string path, string text) => RunbookFileClassifier.Classify(path, Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("README.md", "# Runbooks\n\nHow to write one.")]
    [InlineData("alerts/readme.markdown", "# Alerts\n")]
    [InlineData("content/_index.md", "---\ntitle: Alerts\n---\n")]
    [InlineData("TEMPLATE.md", "# Alert name\n\n## Mitigation\n\n1. …")]
    [InlineData("alerts/runbook-template.md", "# Alert name\n")]
    [InlineData("alerts/new.md", "---\ndraft: true\n---\n# Not yet\n\n1. Step")]
    [InlineData("alerts/skeleton.md", "---\ntemplate: true\n---\n# Alert\n")]
    [InlineData("alerts/index.md", "# Alerts\n\n- [Disk full](disk-full.md)\n- [CPU](cpu.md)\n")]
    [InlineData("docs/index.md", "---\nlayout: home\n---\n# Handbook\n\nWelcome. Start with the [on-call guide](oncall.md) on your first shift.\n")]
    [InlineData("tools/lint.rb", "puts 1")]
    public void Classify_NotARunbook_SkippedWithReason(string path, string text)
    {
        var result = Classify(path, text);

        Assert.Equal(FileKind.Skipped, result.Kind);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Theory]
    [InlineData("# Disk full\n\nIf the disk fills, free space:\n\n```bash\ndf -h\n```\n")]
    [InlineData("# Disk full\n\n- Check [the graph](g.md)\n- Delete old logs under /var/log\n")]
    public void Classify_IndexPageBundleWithCommandsOrSteps_IsARunbook(string text) =>
        Assert.Equal(FileKind.Runbook, Classify("alerts/disk-full/index.md", text).Kind);

    [Fact]
    public void Classify_IndexWithProcedure_IsARunbook()
    {
        var result = Classify("db/index.md", "# Database failover\n\nSee [the diagram](img/db.png).\n\n## Steps\n\n1. Promote the replica.\n");

        Assert.Equal(FileKind.Runbook, result.Kind);
    }

    [Fact]
    public void Classify_Runbook_ResolvesRelativeReferencesAgainstItsFolder()
    {
        var result = Classify(
            "alerts/disk/full.md",
            "# Disk full\n\n![graph](../img/graph.png) [other](../cpu.md#steps) [web](https://example.org/x.png) [here](#steps)\n");

        Assert.Equal(FileKind.Runbook, result.Kind);
        Assert.Equal(["alerts/img/graph.png", "alerts/cpu.md"], result.References);
    }

    [Theory]
    [InlineData("img/graph.png")]
    [InlineData("docs/diagram.svg")]
    [InlineData("scripts/fix.sh")]
    [InlineData("k8s/deploy.yaml")]
    public void Classify_KnownFileType_IsAnAsset(string path)
    {
        Assert.Equal(FileKind.Asset, Classify(path, "x").Kind);
    }
}
