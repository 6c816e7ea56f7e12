using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace OperatorConsole.Core.Live;

/// <summary>
/// A topic's state held once in memory and shared by every reader (pages, the hub, poll answers). It subscribes once
/// to the broadcaster; for each batch of events it applies the events' own state where <c>apply</c> can (returning
/// null means "re-read"), else re-reads the store ONCE, and hands every watcher the same immutable
/// <see cref="Versioned{T}"/>. So a change costs one read (or none) however many pages are open.
/// </summary>
public sealed class SharedSnapshot<T> : IDisposable where T : class
{
    private readonly ILiveEventSource _source;
    private readonly string[] _topics;
    private readonly Func<T> _load;
    private readonly Func<T, IReadOnlyList<LiveEvent>, T?> _apply;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _startGate = new();
    private ImmutableList<SnapshotWatch<T>> _watches = [];
    private LiveSubscription? _subscription;
    private Versioned<T>? _current;

    public SharedSnapshot(
        ILiveEventSource source, string[] topics, Func<T> load, Func<T, IReadOnlyList<LiveEvent>, T?> apply, ILogger logger)
    {
        _source = source;
        _topics = topics;
        _load = load;
        _apply = apply;
        _logger = logger;
    }

    /// <summary>The state now; the first reader subscribes and loads it (subscribing first, so nothing falls between).</summary>
    public Versioned<T> Current
    {
        get
        {
            if (Volatile.Read(ref _current) is { } current)
            {
                return current;
            }

            lock (_startGate)
            {
                if (_current is null)
                {
                    _subscription = _source.Subscribe(_topics);
                    Volatile.Write(ref _current, new Versioned<T>(1, _load(), []));
                    _ = FollowAsync(_subscription);
                }

                return _current;
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="onChange"/> with each new state; states arriving while it runs are coalesced into the
    /// next call, with every event they carry. Dispose the returned watch with the component.
    /// </summary>
    public IDisposable Watch(Func<Versioned<T>, IReadOnlyList<LiveEvent>, Task> onChange, Func<Exception, Task> onError)
    {
        _ = Current;
        var watch = new SnapshotWatch<T>(onChange, onError, w => ImmutableInterlocked.Update(ref _watches, list => list.Remove(w)));
        ImmutableInterlocked.Update(ref _watches, list => list.Add(watch));
        return watch;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _subscription?.Dispose();
        _stop.Dispose();
    }

    private async Task FollowAsync(LiveSubscription subscription)
    {
        try
        {
            await foreach (var batch in subscription.ReadBatchesAsync(_stop.Token))
            {
                var next = Next(_current!, batch);
                Volatile.Write(ref _current, next);
                foreach (var watch in _watches)
                {
                    watch.Offer(next);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private Versioned<T> Next(Versioned<T> current, IReadOnlyList<LiveEvent> batch)
    {
        try
        {
            return new Versioned<T>(current.Version + 1, _apply(current.Value, batch) ?? _load(), batch);
        }
        catch (Exception ex)
        {
            // Keep the last good state; the next change tries again.
            _logger.LogWarning(ex, "Could not refresh the shared {Snapshot} snapshot after {EventCount} events", typeof(T).Name, batch.Count);
            return current;
        }
    }
}
