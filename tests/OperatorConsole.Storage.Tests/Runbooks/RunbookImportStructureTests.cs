using System.Text;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Runbooks;

/// <summary>What the importer reads beyond steps survives the store: aliases, warnings, context text.</summary>
public sealed class RunbookImportStructureTests : IDisposable
{
    private const string AlertRunbook = """
        ---
        title: Kube Job Failed
        severity: warning
        ---
        # KubeJobFailed

        ## Meaning

        The job failed to complete.

        ## Impact

        Nothing runs until it is fixed.
        """;

    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Import_AlertRunbookWithoutSteps_StoresAliasSeverityContextAndNoStepsWarning()
    {
        var result = await _store.Runbooks.ImportAsync(TestActors.Omar, "KubeJobFailed.md", Encoding.UTF8.GetBytes(AlertRunbook));

        var stored = _store.Runbooks.Get(result.Runbook.Slug)!;
        Assert.Equal(["KubeJobFailed"], stored.Aliases);
        Assert.Equal((Priority.P2, "SEV-3"), (stored.Priority, stored.Severities.Single()));
        Assert.Equal("The job failed to complete.", stored.Sections.Single(s => s.Title == "Meaning").Body);
        Assert.Contains(stored.Warnings, w => w.StartsWith("No steps were found", StringComparison.Ordinal));
    }
}
