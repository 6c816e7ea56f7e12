using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Runbooks;

/// <summary>
/// The latest version of every runbook, kept between searches. Reading and deserializing a thousand stored runbooks
/// costs about a third of a second, ranking them in memory a few milliseconds, and the library asks on every
/// keystroke. Versions are only ever added, so the stored version count says whether the copy is still current;
/// asking the store (not a local event) keeps that true when several instances share one store.
/// </summary>
internal sealed class LatestRunbooks
{
    private Snapshot _snapshot = new(-1, []);

    public IReadOnlyList<Runbook> Read(IConsoleStore store) => store.Read(s =>
    {
        var versions = s.Runbooks.CountVersions();
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot.Versions != versions)
        {
            snapshot = new Snapshot(versions, s.Runbooks.Latest());
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot.Runbooks;
    });

    private sealed record Snapshot(int Versions, IReadOnlyList<Runbook> Runbooks);
}
