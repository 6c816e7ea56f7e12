using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Tells the coordinator ("got {version}") once every client has seen a version. One counter per version, counted
/// without a lock: N clients' handlers arrive at once on every flip and queued on one lock before.
/// </summary>
internal sealed class Completion(int clients, Action<long> allSeen)
{
    private readonly ConcurrentDictionary<long, StrongBox<int>> _counts = [];

    public void Seen(long version)
    {
        var counter = _counts.GetOrAdd(version, _ => new StrongBox<int>());
        if (Interlocked.Increment(ref counter.Value) == clients)
        {
            allSeen(version);
        }
    }

    /// <summary>A poller that jumps from one version to a later one has seen everything between them.</summary>
    public void SeenUpTo(long previous, long version)
    {
        for (var v = previous + 1; v <= version; v++)
        {
            Seen(v);
        }
    }
}

/// <summary>One client's log of (version, ticks); the handlers of one client may run on different threads.</summary>
internal sealed class SeenLog
{
    private readonly List<long[]> _entries = [];

    public void Add(long version, long ticks)
    {
        lock (_entries)
        {
            _entries.Add([version, ticks]);
        }
    }

    public long[][] ToArray()
    {
        lock (_entries)
        {
            return [.. _entries];
        }
    }
}
