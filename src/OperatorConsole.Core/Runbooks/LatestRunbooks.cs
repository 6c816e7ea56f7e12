using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Runbooks;

/// <summary>
/// The latest version of every runbook, kept between searches and alert deliveries (one copy for both). Reading and
/// deserializing a thousand stored runbooks costs about a third of a second, ranking them in memory a few milliseconds,
/// and the library asks on every keystroke; the alert intake looks up each new alert's runbook, and the console raises
/// one on every flip of a global switch. Versions are only ever added, so the stored version count says whether the
/// copy is still current; asking the store (not a local event) keeps that true when several instances share one store.
/// </summary>
public sealed class LatestRunbooks
{
    private Snapshot _snapshot = new(-1, []);

    public IReadOnlyList<Runbook> Read(IConsoleStore store) => store.Read(Read);

    /// <summary>
    /// The same through an open session, e.g. inside a write: a write that imports no runbook sees only committed
    /// versions, so what it reads may be kept.
    /// </summary>
    public IReadOnlyList<Runbook> Read(IStoreSession s)
    {
        var versions = s.Runbooks.CountVersions();
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot.Versions != versions)
        {
            snapshot = new Snapshot(versions, s.Runbooks.Latest());
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot.Runbooks;
    }

    private sealed record Snapshot(int Versions, IReadOnlyList<Runbook> Runbooks);
}
