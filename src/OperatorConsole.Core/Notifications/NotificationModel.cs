namespace OperatorConsole.Core.Notifications;

/// <summary>The body shape a webhook receives: a plain JSON document, or Slack's incoming-webhook shape.</summary>
public enum WebhookFormat
{
    Generic,
    Slack,
}

/// <summary>What a webhook can be told about.</summary>
public enum NotificationEvent
{
    /// <summary>A SEV-1 or SEV-2 incident was opened.</summary>
    IncidentOpened,
    LockdownEngaged,
    KillSwitchFlipped,

    /// <summary>A rollback's safe-state or integrity timer ran past its limit.</summary>
    RollbackTimerBreached,

    /// <summary>A launch's no-go gate cleared: NO-GO became GO.</summary>
    LaunchGo,

    /// <summary>An Admin's "send test"; never chosen, always sent to the webhook tested.</summary>
    Test,
}

/// <summary>
/// An Admin-configured outgoing webhook. <see cref="Url"/> is a bearer secret (a Slack webhook URL is one): it is stored
/// to deliver, and never leaves Core; everything shown uses <see cref="WebhookView"/>.
/// </summary>
public sealed record Webhook
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required WebhookFormat Format { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<NotificationEvent> Events { get; init; }
    public bool Enabled { get; init; } = true;
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public WebhookView View() => new(Id, Name, Format, WebhookUrl.Hint(Url), Events, Enabled, CreatedBy, CreatedAt);

    public bool Wants(NotificationEvent what) => Enabled && Events.Contains(what);
}

/// <summary>A webhook as shown and answered: the URL only as its host and a masked tail.</summary>
public sealed record WebhookView(
    string Id, string Name, WebhookFormat Format, string UrlHint, IReadOnlyList<NotificationEvent> Events, bool Enabled, string CreatedBy, DateTimeOffset CreatedAt);

public enum DeliveryStatus
{
    Pending,
    Delivered,
    GaveUp,
}

/// <summary>One try at sending: the HTTP status (null when there was no answer), how long it took, and what went wrong.</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, long DurationMs, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>
/// One message queued for one webhook, kept in the store so a restart does not lose it. <see cref="Key"/> names the
/// occurrence (e.g. "rollback:abc:safe-state") so the same occurrence is queued once per webhook.
/// </summary>
public sealed record NotificationDelivery
{
    public required string Id { get; init; }
    public required string WebhookId { get; init; }
    public required string WebhookName { get; init; }
    public required NotificationEvent Event { get; init; }
    public required string Key { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DeliveryStatus Status { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public IReadOnlyList<DeliveryAttempt> Attempts { get; init; } = [];
}

/// <summary>Webhooks and their delivery queue (IStoreSession.Notifications).</summary>
public interface INotificationRepository
{
    IReadOnlyList<Webhook> Webhooks();

    Webhook? Webhook(string id);

    void Upsert(Webhook webhook);

    void DeleteWebhook(string id);

    NotificationDelivery? Delivery(string id);

    void Upsert(NotificationDelivery delivery);

    /// <summary>Whether a delivery of occurrence <paramref name="key"/> to <paramref name="webhookId"/> was ever queued.</summary>
    bool Queued(string webhookId, string key);

    /// <summary>Pending deliveries whose next attempt is due at <paramref name="now"/>, oldest due first.</summary>
    IReadOnlyList<NotificationDelivery> Due(DateTimeOffset now, int take);

    /// <summary>The earliest next attempt of any pending delivery, if one is pending.</summary>
    DateTimeOffset? NextDue();

    /// <summary>Newest first, optionally of one webhook.</summary>
    IReadOnlyList<NotificationDelivery> Deliveries(int take, string? webhookId = null);
}
