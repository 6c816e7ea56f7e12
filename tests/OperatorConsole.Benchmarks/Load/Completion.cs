namespace OperatorConsole.Benchmarks.Load;

/// <summary>Tells the coordinator ("got {version}") once every client has seen a version.</summary>
internal sealed class Completion(int clients, Action<long> allSeen)
{
    private readonly Dictionary<long, int> _counts = [];

    public void Seen(long version)
    {
        int count;
        lock (_counts)
        {
            count = _counts[version] = _counts.GetValueOrDefault(version) + 1;
        }

        if (count == clients)
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
