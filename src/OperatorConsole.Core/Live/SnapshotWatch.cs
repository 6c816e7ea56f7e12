namespace OperatorConsole.Core.Live;

/// <summary>
/// One reader of a <see cref="SharedSnapshot{T}"/>: the first new state is handed over at once; states offered while
/// the reader is busy wait as one (the newest), with the events of all of them, so a slow reader never queues renders.
/// </summary>
internal sealed class SnapshotWatch<T>(
    Func<Versioned<T>, IReadOnlyList<LiveEvent>, Task> onChange, Func<Exception, Task> onError, Action<SnapshotWatch<T>> detach)
    : IDisposable where T : class
{
    private readonly Lock _gate = new();
    private Versioned<T>? _pending;
    private List<LiveEvent> _pendingEvents = [];
    private bool _busy;
    private bool _disposed;

    public void Offer(Versioned<T> next)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _pending = next;
            _pendingEvents.AddRange(next.Changes);
            if (_busy)
            {
                return;
            }

            _busy = true;
        }

        _ = DrainAsync();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        detach(this);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            Versioned<T> next;
            List<LiveEvent> events;
            lock (_gate)
            {
                if (_pending is null || _disposed)
                {
                    _busy = false;
                    return;
                }

                (next, events) = (_pending, _pendingEvents);
                (_pending, _pendingEvents) = (null, []);
            }

            try
            {
                await onChange(next, events);
            }
            catch (Exception ex) when (!IsDisposed)
            {
                // Whatever failed (a store read included), the reader hears of it and keeps receiving: a watch that
                // stopped here would leave its page showing an old state with no sign of it.
                try
                {
                    await onError(ex);
                }
                catch (ObjectDisposedException)
                {
                    // The circuit ended while the change was in flight; its component disposes the watch.
                    return;
                }
            }
            catch (Exception)
            {
                // Disposed while the change was in flight: nobody is left to tell.
                return;
            }
        }
    }

    private bool IsDisposed
    {
        get
        {
            lock (_gate)
            {
                return _disposed;
            }
        }
    }
}
