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

    public IReadOnlyList<Runbook> Read(IConsoleStore store) => store.Read(s => Read(s, keep: true));

    /// <summary>
    /// The same inside a write. A fresh read is not kept: the write shares its transaction with the changes queued
    /// before it, so it may see versions they added that are not committed yet, and would never be if the commit failed.
    /// </summary>
    public IReadOnlyList<Runbook> Read(IStoreSession s) => Read(s, keep: false);

    private IReadOnlyList<Runbook> Read(IStoreSession s, bool keep)
    {
        var versions = s.Runbooks.CountVersions();
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot.Versions == versions)
        {
            return snapshot.Runbooks;
        }

        var latest = s.Runbooks.Latest();
        if (keep)
        {
            Volatile.Write(ref _snapshot, new Snapshot(versions, latest));
        }

        return latest;
    }

    private sealed record Snapshot(int Versions, IReadOnlyList<Runbook> Runbooks);
}
