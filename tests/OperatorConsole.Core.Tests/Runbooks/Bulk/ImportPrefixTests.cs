using System.IO.Compression;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks.Bulk;

namespace OperatorConsole.Core.Tests.Runbooks.Bulk;

public sealed class ImportPrefixTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("openshift", "openshift")]
    [InlineData(" /team-a/alerts/ ", "team-a/alerts")]
    [InlineData("v4.14_x", "v4.14_x")]
    public void Normalize_AcceptedPrefix_HasOneStoredForm(string? prefix, string? expected) =>
        Assert.Equal(expected, ImportPrefix.Normalize(prefix));

    [Theory]
    [InlineData("..")]
    [InlineData("../other")]
    [InlineData("a/../b")]
    [InlineData("./a")]
    [InlineData(".hidden")]
    [InlineData("a//b")]
    [InlineData("a b")]
    [InlineData("a\nb")]
    [InlineData("C:\\x")]
    [InlineData("a\\b")]
    [InlineData("é")]
    [InlineData("a/b/c/d/e")]
    public void Normalize_BadPrefix_IsRefusedOnTheField(string prefix)
    {
        var error = Assert.Throws<DomainValidationException>(() => ImportPrefix.Normalize(prefix));

        Assert.Contains("up to 4 folder names", Assert.Single(error.Errors["prefix"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_PrefixOverTheLength_IsRefused() =>
        Assert.Throws<DomainValidationException>(() => ImportPrefix.Normalize(new string('a', ImportPrefix.MaxLength + 1)));

    [Fact]
    public void Plan_WithPrefix_PutsEveryPathAndReferenceUnderIt()
    {
        var plan = RunbookBulkImport.Plan(Zip(new Dictionary<string, string>
        {
            ["repo-main/alerts/disk-full.md"] = "# Disk full\n\n![graph](../img/disk.txt)\n\n1. Clean /var/log.\n",
            ["repo-main/img/disk.txt"] = "95%\n",
        }), "openshift");

        Assert.Equal(["openshift/alerts/disk-full.md", "openshift/img/disk.txt"], plan.Files.Select(f => f.Path));
        Assert.Equal(["openshift/img/disk.txt"], plan.Classes[0].References);
    }

    [Fact]
    public void Plan_WithPrefix_ClassifiesByThePlaceInTheArchive()
    {
        var plan = RunbookBulkImport.Plan(Zip(new Dictionary<string, string>
        {
            ["CONTRIBUTING.md"] = "# Contributing\n\n1. Fork it.\n",
            ["alerts/HighLatency.md"] = "# HighLatency\n\n1. Check the load balancer.\n",
        }), "acme");

        Assert.Equal(
            [("acme/CONTRIBUTING.md", FileKind.Skipped), ("acme/alerts/HighLatency.md", FileKind.Runbook)],
            plan.Files.Zip(plan.Classes, (f, c) => (f.Path, c.Kind)));
    }

    [Fact]
    public void Plan_BadPrefix_IsRefusedBeforeTheArchiveIsRead() =>
        Assert.Throws<DomainValidationException>(() => RunbookBulkImport.Plan("not an archive"u8.ToArray(), "../x"));

    private static byte[] Zip(Dictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}
