namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>A store on a <see cref="FillableDisk"/>, with helpers to write ledger entries and read their subjects back.</summary>
public abstract class FailingDiskFixture : IDisposable
{
    protected FailingDiskFixture() => Store = new TestStore(openFile: Disk.Open);

    protected FillableDisk Disk { get; } = new();

    protected TestStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task Record(string subject) => Store.Changes.RunAsync(TestActors.Admin, c => c.Record("test.write", subject, new { }));

    protected List<string> Subjects() => Store.Ledger.Select(e => e.Subject).ToList();
}
