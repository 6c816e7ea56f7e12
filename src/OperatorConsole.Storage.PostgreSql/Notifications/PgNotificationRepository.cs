using OperatorConsole.Core.Notifications;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Notifications;

/// <summary>Webhooks, and deliveries with when they are next due (NULL once settled), their occurrence per webhook and creation time.</summary>
internal sealed class PgNotificationRepository(PgContext db) : INotificationRepository
{
    private readonly PgDocuments _webhooks = new(db, "webhooks");
    private readonly PgDocuments _deliveries = new(db, "notification_deliveries");

    public IReadOnlyList<Webhook> Webhooks() => _webhooks.Ordered<Webhook>("true", "ORDER BY created_at, id");

    public Webhook? Webhook(string id) => _webhooks.Get<Webhook>(id);

    public void Upsert(Webhook webhook) => _webhooks.Upsert(webhook.Id, webhook, ("created_at", webhook.CreatedAt.ToUniversalTime()));

    public void DeleteWebhook(string id) => _webhooks.Delete("id = @id", ("id", id));

    public NotificationDelivery? Delivery(string id) => _deliveries.Get<NotificationDelivery>(id);

    public void Upsert(NotificationDelivery delivery) =>
        _deliveries.Upsert(delivery.Id, delivery,
            ("webhook_id", delivery.WebhookId),
            ("occurrence", Occurrence(delivery.WebhookId, delivery.Key)),
            ("next_due", delivery.Status == DeliveryStatus.Pending ? delivery.NextAttemptAt.ToUniversalTime() : null),
            ("created_at", delivery.CreatedAt.ToUniversalTime()));

    public bool Queued(string webhookId, string key) => _deliveries.Count("occurrence = @occurrence", ("occurrence", Occurrence(webhookId, key))) > 0;

    public IReadOnlyList<NotificationDelivery> Due(DateTimeOffset now, int take) =>
        _deliveries.Ordered<NotificationDelivery>("next_due <= @now", "ORDER BY next_due, id LIMIT @take", ("now", now.ToUniversalTime()), ("take", take));

    public DateTimeOffset? NextDue() =>
        db.Scalar<DateTime?>("SELECT min(next_due) FROM notification_deliveries") is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null;

    public IReadOnlyList<NotificationDelivery> Deliveries(int take, string? webhookId = null) =>
        webhookId is null
            ? _deliveries.Ordered<NotificationDelivery>("true", "ORDER BY created_at DESC, id DESC LIMIT @take", ("take", take))
            : _deliveries.Ordered<NotificationDelivery>("webhook_id = @webhook", "ORDER BY created_at DESC, id DESC LIMIT @take", ("webhook", webhookId), ("take", take));

    private static string Occurrence(string webhookId, string key) => $"{webhookId}|{key}";
}
