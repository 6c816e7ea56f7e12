using OperatorConsole.Core.Notifications;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Notifications;

/// <summary>Which queued deliveries the outbox sends next.</summary>
public sealed class NotificationDueTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Due_PendingLaterAndSettled_OnlyPendingDueNowEarliestFirst()
    {
        await Add(Delivery("later", Now.AddSeconds(1)));
        await Add(Delivery("second", Now));
        await Add(Delivery("sent", Now.AddMinutes(-5)) with { Status = DeliveryStatus.Delivered });
        await Add(Delivery("first", Now.AddMinutes(-1)));

        Assert.Equal(["first", "second"], _store.Store.Read(s => s.Notifications.Due(Now, 10)).Select(d => d.Id));
    }

    [Fact]
    public async Task Due_MoreDueThanTake_TheEarliestTake()
    {
        for (var i = 0; i < 5; i++)
        {
            await Add(Delivery($"d{i}", Now.AddMinutes(-10 + i)));
        }

        Assert.Equal(["d0", "d1"], _store.Store.Read(s => s.Notifications.Due(Now, 2)).Select(d => d.Id));
    }

    private Task Add(NotificationDelivery delivery) =>
        _store.Store.WriteAsync(s =>
        {
            s.Notifications.Upsert(delivery);
            return true;
        });

    private static NotificationDelivery Delivery(string id, DateTimeOffset nextAttemptAt) => new()
    {
        Id = id, WebhookId = "hook", WebhookName = "Hook", Event = NotificationEvent.KillSwitchFlipped, Key = id, Title = "Flipped", Body = "{}",
        CreatedAt = Now.AddHours(-1), Status = DeliveryStatus.Pending, NextAttemptAt = nextAttemptAt,
    };
}
