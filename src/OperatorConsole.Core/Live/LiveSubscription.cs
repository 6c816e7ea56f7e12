using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace OperatorConsole.Core.Live;

/// <summary>One subscriber's own bounded queue; disposing it detaches it from the broadcaster.</summary>
public sealed class LiveSubscription : IDisposable
{
    private readonly Channel<LiveEvent> _channel;
    private readonly Action<LiveSubscription> _detach;

    internal LiveSubscription(IReadOnlySet<string> topics, int capacity, Action<LiveSubscription> detach)
    {
        Topics = topics;
        _detach = detach;
        _channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    internal IReadOnlySet<string> Topics { get; }

    public ChannelReader<LiveEvent> Reader => _channel.Reader;

    internal bool Wants(string topic) => Topics.Contains(Live.Topics.All) || Topics.Contains(topic);

    internal void Offer(LiveEvent liveEvent) => _channel.Writer.TryWrite(liveEvent);

    /// <summary>
    /// Yields events in batches: the first event is yielded at once with whatever is already queued; what arrives
    /// while the reader handles a batch is the next batch. So a burst costs one re-render, and the first event no wait.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<LiveEvent>> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _channel.Reader.WaitToReadAsync(cancellationToken))
        {
            var batch = new List<LiveEvent>();
            while (_channel.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    public void Dispose()
    {
        _detach(this);
        _channel.Writer.TryComplete();
    }
}
