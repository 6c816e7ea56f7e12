using System.Text;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Runbooks;

public sealed class RunbookServiceTests : IDisposable
{
    private const string ExtraStep = "\n3. Record the failover time in the incident.";
    private static readonly string SeedRunbookFolder = Path.Combine(AppContext.BaseDirectory, "seed-data", "runbooks");
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Import_NewDocument_StoresVersionOneWithSourceHash()
    {
        var result = await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());

        Assert.Equal((1, false, false), (result.Runbook.Version, result.IsNewVersion, result.Unchanged));
        var stored = _store.Runbooks.Get(TestRunbooks.DrillSlug)!;
        Assert.Equal(("Failover drill", Priority.P1, "Omar On-call"), (stored.Title, stored.Priority, stored.ImportedBy));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(stored.Source)));
        Assert.Equal(sha, stored.SourceSha256);
    }

    [Fact]
    public async Task Import_SameBytesTwice_UnchangedAndOneVersion()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());

        var again = await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());

        Assert.True(again.Unchanged);
        Assert.Equal(1, again.Runbook.Version);
        Assert.Single(_store.Runbooks.Versions(TestRunbooks.DrillSlug));
    }

    public static TheoryData<string> SeedRunbooks() =>
        new(Directory.GetFiles(SeedRunbookFolder, "*.md")
            .Select(Path.GetFileName)
            .OfType<string>());

    // The stored reading (sections, steps, links…) must compare equal to a fresh parse after the round trip through the
    // store, or every re-import would add a version.
    [Theory]
    [MemberData(nameof(SeedRunbooks))]
    public async Task Import_SeedRunbookTwice_SecondUnchanged(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(SeedRunbookFolder, name));
        var first = await _store.Runbooks.ImportAsync(TestActors.Omar, name, bytes);

        var again = await _store.Runbooks.ImportAsync(TestActors.Omar, name, bytes);

        Assert.True(again.Unchanged);
        Assert.Single(_store.Runbooks.Versions(first.Runbook.Slug));
    }

    [Fact]
    public async Task Import_SameTextAsNewestVersionReadOtherwiseBefore_AddsVersionReadTheNewWay()
    {
        var first = await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());
        await StoreAsReadByAnOlderImporter(first.Runbook with { Version = 2, Title = "Failover", Sections = [] });

        var again = await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());

        Assert.Equal((3, true, false), (again.Runbook.Version, again.IsNewVersion, again.Unchanged));
        var newest = _store.Runbooks.Get(TestRunbooks.DrillSlug)!;
        Assert.Equal(("Failover drill", first.Runbook.AllSteps.Count()), (newest.Title, newest.AllSteps.Count()));
        Assert.Contains("\"reread\":true", _store.Ledger[^1].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_TextOfAnOlderVersionReadOtherwise_UnchangedAndNewestStays()
    {
        // Version 1 as an older importer read it (another store's import gives the stored shape of this text).
        using var elsewhere = new TestStore();
        var read = (await elsewhere.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill())).Runbook;
        await StoreAsReadByAnOlderImporter(read with { Title = "Failover", Sections = [] });
        await _store.Runbooks.ImportAsync(TestActors.Olga, "drill.md", TestRunbooks.Drill(ExtraStep));

        var again = await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());

        Assert.Equal((1, true), (again.Runbook.Version, again.Unchanged));
        Assert.Equal(2, _store.Runbooks.Get(TestRunbooks.DrillSlug)!.Version);
    }

    [Fact]
    public async Task Import_SameBytesTwice_SecondWritesNoLedgerEntry()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());

        await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());

        Assert.Single(_store.Ledger);
    }

    [Fact]
    public async Task Import_ChangedContent_AddsVersionTwo()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());

        var result = await _store.Runbooks.ImportAsync(TestActors.Olga, "drill.md", TestRunbooks.Drill(ExtraStep));

        Assert.Equal((2, true, false), (result.Runbook.Version, result.IsNewVersion, result.Unchanged));
        Assert.Equal(2, _store.Runbooks.Get(TestRunbooks.DrillSlug)!.Version);
        Assert.Equal([2, 1], _store.Runbooks.Versions(TestRunbooks.DrillSlug).Select(r => r.Version));
    }

    [Fact]
    public async Task Import_ChangedContent_VersionOneStaysReadableAsItWas()
    {
        var v1 = (await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill())).Runbook;

        await _store.Runbooks.ImportAsync(TestActors.Olga, "drill.md", TestRunbooks.Drill(ExtraStep));

        var stored = _store.Runbooks.Get(TestRunbooks.DrillSlug, 1)!;
        Assert.Equal((v1.SourceSha256, v1.AllSteps.Count(), "Omar On-call"), (stored.SourceSha256, stored.AllSteps.Count(), stored.ImportedBy));
        Assert.DoesNotContain("failover time", stored.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ChangedContent_ListShowsOnlyLatest()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());
        await _store.Runbooks.ImportAsync(TestActors.Olga, "drill.md", TestRunbooks.Drill(ExtraStep));

        var listed = Assert.Single(_store.Runbooks.List());

        Assert.Equal(2, listed.Version);
    }

    [Fact]
    public async Task Import_EmptyBytes_ThrowsValidationAndStoresNothing()
    {
        await Assert.ThrowsAsync<DomainValidationException>(() => _store.Runbooks.ImportAsync(TestActors.Omar, "empty.md", []));

        Assert.Empty(_store.Runbooks.List());
        Assert.DoesNotContain(_store.Ledger, e => e.Outcome == LedgerOutcome.Allowed);
    }

    [Fact]
    public async Task Import_BinaryBytes_ThrowsValidationAndStoresNothing()
    {
        await Assert.ThrowsAsync<DomainValidationException>(() =>
            _store.Runbooks.ImportAsync(TestActors.Omar, "image.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0D, 0x0A]));

        Assert.Empty(_store.Runbooks.List());
        Assert.Empty(_store.Ledger);
    }

    [Fact]
    public async Task Import_ChangedContent_PublishesImportedEventCitingItsLedgerEntry()
    {
        using var watcher = _store.Broadcaster.Subscribe(Core.Live.Topics.Runbooks);

        await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());

        Assert.True(watcher.Reader.TryRead(out var imported));
        Assert.Equal(("runbook.imported", TestRunbooks.DrillSlug, 1L), (imported.Kind, imported.Subject, imported.LedgerSequence));
    }

    private Task StoreAsReadByAnOlderImporter(Runbook runbook) =>
        _store.Changes.RunAsync(TestActors.Admin, c =>
        {
            c.Session.Runbooks.Add(runbook);
            return 0;
        });
}
