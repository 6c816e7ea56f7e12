using LiteDB;
using OperatorConsole.Core.Notifications;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Notifications;

/// <summary>
/// Webhooks, and deliveries indexed by when they are next due (UTC ticks; long.MaxValue once settled), by occurrence
/// per webhook, and by creation time.
/// </summary>
internal sealed class LiteNotificationRepository(ILiteDatabase db, bool writable) : INotificationRepository
{
    private const long Settled = long.MaxValue;
    private readonly ILiteCollection<BsonDocument> _webhooks = db.GetCollection(LiteSchema.Webhooks);
    private readonly ILiteCollection<BsonDocument> _deliveries = db.GetCollection(LiteSchema.NotificationDeliveries);

    public static void EnsureIndexes(ILiteDatabase db)
    {
        var deliveries = db.GetCollection(LiteSchema.NotificationDeliveries);
        deliveries.EnsureIndex("nextDue");
        deliveries.EnsureIndex("occurrence");
        deliveries.EnsureIndex("createdAt");
        deliveries.EnsureIndex("webhookId");
    }

    public IReadOnlyList<Webhook> Webhooks() =>
        [.. _webhooks.FindAll().Select(JsonDocuments.Unwrap<Webhook>).OrderBy(w => w.CreatedAt)];

    public Webhook? Webhook(string id) => _webhooks.FindById(id) is { } doc ? JsonDocuments.Unwrap<Webhook>(doc) : null;

    public void Upsert(Webhook webhook)
    {
        LiteSession.EnsureWritable(writable);
        _webhooks.Upsert(JsonDocuments.Wrap(webhook.Id, webhook));
    }

    public void DeleteWebhook(string id)
    {
        LiteSession.EnsureWritable(writable);
        _webhooks.Delete(id);
    }

    public NotificationDelivery? Delivery(string id) =>
        _deliveries.FindById(id) is { } doc ? JsonDocuments.Unwrap<NotificationDelivery>(doc) : null;

    public void Upsert(NotificationDelivery delivery)
    {
        LiteSession.EnsureWritable(writable);
        var nextDue = delivery.Status == DeliveryStatus.Pending ? delivery.NextAttemptAt.UtcTicks : Settled;
        _deliveries.Upsert(JsonDocuments.Wrap(delivery.Id, delivery,
            ("nextDue", nextDue), ("occurrence", Occurrence(delivery.WebhookId, delivery.Key)),
            ("createdAt", delivery.CreatedAt.UtcTicks), ("webhookId", delivery.WebhookId)));
    }

    public bool Queued(string webhookId, string key) => _deliveries.Exists(Query.EQ("occurrence", Occurrence(webhookId, key)));

    // Walks the nextDue index from the earliest and stops at the first one not yet due. A filter holding `now` made LiteDB
    // compile a new expression (and JIT it, and keep it in its static cache) on every call: once per live event that
    // queues a message, e.g. every kill-switch flip.
    public IReadOnlyList<NotificationDelivery> Due(DateTimeOffset now, int take) =>
        [.. _deliveries.Find(Query.All("nextDue", Query.Ascending)).TakeWhile(d => d["nextDue"].AsInt64 <= now.UtcTicks).Take(take)
            .Select(JsonDocuments.Unwrap<NotificationDelivery>)];

    public DateTimeOffset? NextDue()
    {
        var first = _deliveries.Find(Query.All("nextDue", Query.Ascending), limit: 1).FirstOrDefault();
        return first is null || first["nextDue"].AsInt64 == Settled ? null : new DateTimeOffset(first["nextDue"].AsInt64, TimeSpan.Zero);
    }

    public IReadOnlyList<NotificationDelivery> Deliveries(int take, string? webhookId = null)
    {
        var found = webhookId is null
            ? _deliveries.Find(Query.All("createdAt", Query.Descending), limit: take)
            : _deliveries.Find(Query.EQ("webhookId", webhookId)).OrderByDescending(d => d["createdAt"].AsInt64).Take(take);
        return [.. found.Select(JsonDocuments.Unwrap<NotificationDelivery>)];
    }

    private static string Occurrence(string webhookId, string key) => $"{webhookId}|{key}";
}
