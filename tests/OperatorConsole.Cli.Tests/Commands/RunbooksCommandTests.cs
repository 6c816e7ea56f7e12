using OperatorConsole.Cli.Common;
using OperatorConsole.Cli.Tests.Shared;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Testing;

namespace OperatorConsole.Cli.Tests.Commands;

public sealed class RunbooksCommandTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private readonly CliRun _cli = new(host);

    [Fact]
    public async Task Import_MarkdownFile_CreatesTheRunbook()
    {
        var folder = Directory.CreateTempSubdirectory("opsctl-runbook-");
        var path = Path.Combine(folder.FullName, "restart-the-cache.md");
        await File.WriteAllTextAsync(path, "# Restart the cache\n\n## Steps\n\n1. Drain the node.\n2. Restart the cache service.\n");

        var result = await _cli.Async("runbooks", "import", path);

        folder.Delete(recursive: true);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var slug = result.Out.Split(' ')[0];
        Assert.NotNull(host.Service<RunbookService>().Get(slug, null));
    }

    [Fact]
    public async Task Import_MissingFile_ExitsBadInput()
    {
        var result = await _cli.Async("runbooks", "import", "/nonexistent/runbook.md");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
    }
}
