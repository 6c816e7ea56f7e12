using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Tests.Live;

public sealed class LiveEventBroadcasterTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Publish_OtherTopic_IsNotDelivered()
    {
        var broadcaster = new LiveEventBroadcaster();
        using var runs = broadcaster.Subscribe(Topics.Runs);

        broadcaster.Publish(Event(Topics.Users, "u1"));
        broadcaster.Publish(Event(Topics.Runs, "r1"));

        Assert.True(runs.Reader.TryRead(out var received));
        Assert.Equal("r1", received.Subject);
        Assert.False(runs.Reader.TryRead(out _));
    }

    [Fact]
    public void Publish_SubscriberOfAll_ReceivesEveryTopic()
    {
        var broadcaster = new LiveEventBroadcaster();
        using var all = broadcaster.Subscribe(Topics.All);

        broadcaster.Publish(Event(Topics.Users, "u1"));
        broadcaster.Publish(Event(Topics.Run("abc"), "s1"));
        broadcaster.Publish(Event(Topics.Ledger, "7"));

        Assert.Equal(["u1", "s1", "7"], Drain(all).Select(e => e.Subject));
    }

    [Fact]
    public void Publish_SubscriberOfSeveralTopics_ReceivesEachOfThem()
    {
        var broadcaster = new LiveEventBroadcaster();
        using var both = broadcaster.Subscribe(Topics.Runs, Topics.Ledger);

        broadcaster.Publish(Event(Topics.Runs, "r1"));
        broadcaster.Publish(Event(Topics.Users, "u1"));
        broadcaster.Publish(Event(Topics.Ledger, "7"));

        Assert.Equal(["r1", "7"], Drain(both).Select(e => e.Subject));
    }

    [Fact]
    public void Publish_MoreThanCapacityToNonReader_DoesNotBlockAndOtherSubscriberGetsNewest()
    {
        var broadcaster = new LiveEventBroadcaster();
        using var stalled = broadcaster.Subscribe(Topics.All);
        using var other = broadcaster.Subscribe(Topics.Runs);
        var total = LiveEventBroadcaster.SubscriberCapacity + 500;

        // Runs synchronously on this thread: if Publish could block on a full queue, this would hang.
        for (var i = 1; i <= total; i++)
        {
            broadcaster.Publish(Event(Topics.Runs, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var received = Drain(other);
        Assert.Equal(LiveEventBroadcaster.SubscriberCapacity, received.Count);
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), received[^1].Subject);
        Assert.Equal("501", received[0].Subject);
    }

    [Fact]
    public void Dispose_Subscription_DetachesFromBroadcaster()
    {
        var broadcaster = new LiveEventBroadcaster();
        var first = broadcaster.Subscribe(Topics.All);
        using var second = broadcaster.Subscribe(Topics.Runs);
        Assert.Equal(2, broadcaster.SubscriberCount);

        first.Dispose();

        Assert.Equal(1, broadcaster.SubscriberCount);
    }

    [Fact]
    public void Dispose_Subscription_CompletesItsReader()
    {
        var broadcaster = new LiveEventBroadcaster();
        var subscription = broadcaster.Subscribe(Topics.All);

        subscription.Dispose();
        broadcaster.Publish(Event(Topics.Runs, "r1"));

        Assert.True(subscription.Reader.Completion.IsCompleted);
        Assert.False(subscription.Reader.TryRead(out _));
    }

    [Fact]
    public void Subscribe_NoTopics_Throws()
    {
        var broadcaster = new LiveEventBroadcaster();

        Assert.Throws<ArgumentException>(() => broadcaster.Subscribe());
    }

    [Fact]
    public async Task ReadBatchesAsync_Burst_ArrivesAsOneBatch()
    {
        var broadcaster = new LiveEventBroadcaster();
        using var subscription = broadcaster.Subscribe(Topics.Runs);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 5; i++)
        {
            broadcaster.Publish(Event(Topics.Runs, $"r{i}"));
        }

        await using var batches = subscription.ReadBatchesAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.True(await batches.MoveNextAsync());
        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], batches.Current.Select(e => e.Subject));
    }

    [Fact]
    public async Task ReadBatchesAsync_LaterEvents_ArriveInNextBatch()
    {
        var broadcaster = new LiveEventBroadcaster();
        using var subscription = broadcaster.Subscribe(Topics.Runs);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        broadcaster.Publish(Event(Topics.Runs, "first"));
        await using var batches = subscription.ReadBatchesAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await batches.MoveNextAsync());

        broadcaster.Publish(Event(Topics.Runs, "second"));
        broadcaster.Publish(Event(Topics.Runs, "third"));

        Assert.True(await batches.MoveNextAsync());
        Assert.Equal(["second", "third"], batches.Current.Select(e => e.Subject));
    }

    [Fact]
    public async Task ReadBatchesAsync_SubscriptionDisposed_EndsEnumeration()
    {
        var broadcaster = new LiveEventBroadcaster();
        var subscription = broadcaster.Subscribe(Topics.Runs);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var batches = subscription.ReadBatchesAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = batches.MoveNextAsync().AsTask();

        subscription.Dispose();

        Assert.False(await next);
    }

    private static LiveEvent Event(string topic, string subject) => new(topic, "test.event", subject, "Ada", At);

    private static List<LiveEvent> Drain(LiveSubscription subscription)
    {
        var items = new List<LiveEvent>();
        while (subscription.Reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
