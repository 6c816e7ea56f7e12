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
    [InlineData("CONTRIBUTING.md", "# Contributing\n\n1. Fork the repository.\n2. Open a pull request.\n")]
    [InlineData("code-of-conduct.md", "# Code of conduct\n\n- Be kind.\n")]
    [InlineData("LICENSE.md", "# MIT License\n\nPermission is hereby granted…\n")]
    [InlineData(".github/PULL_REQUEST_TEMPLATE/prs.md", "- [ ] Tests pass\n- [ ] Docs updated\n")]
    [InlineData(".gitlab/issue_templates/incident.md", "## Summary\n\n- [ ] Page the on-call\n")]
    [InlineData("runbooks/.md", "Finding:Runtime/Example\n---\n\n### A finding\n\n- Look at the instance.\n")]
    [InlineData("docs/tutorials/example_tutorial_template.md", "# Tutorial title\n\n1. First step\n")]
    [InlineData("templates/runbook-template-v2.md", "# Alert name\n")]
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

    // Alert names such as OpenShift's SSPTemplateValidatorDown hold "Template" inside a word, and runbooks about
    // templates name what they do with them (RealmJoin's "assign-groups-by-template"); only a name made of nothing but
    // "template" and generic words marks a template.
    [Theory]
    [InlineData("alerts/virt/SSPTemplateValidatorDown.md")]
    [InlineData("alerts/virt/SSPCommonTemplatesModificationReverted.md")]
    [InlineData("alerts/security.md")]
    [InlineData("docs/ci/changelog-job-failing.md")]
    [InlineData("docs/user/general/assign-groups-by-template.md")]
    [InlineData("docs/org/general/list-all-administrative-template-policies.md")]
    [InlineData("alerts/template-controller-down.md")]
    public void Classify_NameHoldingAMetaWordInsideAnother_IsARunbook(string path) =>
        Assert.Equal(FileKind.Runbook, Classify(path, "# Alert\n\n## Mitigation\n\n1. Restart the operator.\n").Kind);

    // Markdig throws on nesting past its own limit; the classifier only looks, so the import refuses the file with a
    // reason instead of the whole archive failing.
    [Theory]
    [InlineData(200, "> ")]
    [InlineData(80, "- ")]
    public void Classify_NestedPastTheParsersLimit_IsARunbookForTheImportToRefuse(int levels, string marker)
    {
        var nested = marker == "> "
            ? string.Concat(Enumerable.Repeat(marker, levels)) + "deep\n"
            : string.Concat(Enumerable.Range(0, levels).Select(i => new string(' ', i * 2) + marker + "item\n"));

        Assert.Equal(FileKind.Runbook, Classify("alerts/deep.md", "# Deep\n\n" + nested).Kind);
    }

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

    [Fact]
    public void Classify_HugoRefShortcode_IsAReferenceToThePathItNames() =>
        Assert.Equal(["alerts/node/clock-skew.md"], Classify("alerts/node/clock.md", "# Clock\n\n## Mitigation\n\nSee [skew]({{< ref \"./clock-skew.md\" >}}).\n").References);

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
