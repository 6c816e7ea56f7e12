using OperatorConsole.Core.Live;

namespace OperatorConsole.Web.Components.Shared;

/// <summary>
/// A component's subscription to live topics: reads batches on a background loop and hands each to
/// <c>onBatch</c> (which re-reads and re-renders through InvokeAsync). The first event is handed over at once;
/// what arrives while <c>onBatch</c> runs is the next batch, so a burst costs one re-render and the first no wait.
/// Dispose it with the component. Start it before the component's first read, so a change in between is not missed.
/// Topics many pages show (kill switches, lockdown) have a shared board instead: watch that, not the topic.
/// </summary>
public sealed class LiveWatcher : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly LiveSubscription _subscription;

    private LiveWatcher(LiveSubscription subscription) => _subscription = subscription;

    public static LiveWatcher Start(
        ILiveEventSource source, Func<IReadOnlyList<LiveEvent>, Task> onBatch, Func<Exception, Task> onError, params string[] topics)
    {
        var watcher = new LiveWatcher(source.Subscribe(topics));
        _ = watcher.LoopAsync(onBatch, onError);
        return watcher;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _subscription.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync(Func<IReadOnlyList<LiveEvent>, Task> onBatch, Func<Exception, Task> onError)
    {
        try
        {
            await foreach (var batch in _subscription.ReadBatchesAsync(_stop.Token))
            {
                await onBatch(batch);
            }
        }
        catch (OperationCanceledException)
        {
            // The component went away.
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended while a batch was in flight.
        }
        catch (Exception ex)
        {
            await onError(ex);
        }
    }
}
