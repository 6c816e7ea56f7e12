using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Notifications;

/// <summary>
/// The durable queue of webhook deliveries: messages are queued inside a write (so they survive a restart), and each due
/// one is POSTed through the outbound policy, its attempt recorded, and retried with doubling waits until it succeeds
/// or runs out of attempts. The URL goes into the request and nowhere else: not the log, not the record.
/// </summary>
public sealed class NotificationOutbox(
    ChangeRunner changes, IHttpClientFactory httpClients, IOptions<NotificationOptions> options, ILogger<NotificationOutbox> logger)
{
    public const string HttpClientName = "notifications";
    private const int Batch = 20;

    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Signalled when something was queued outside the worker (a test send), so it delivers at once.</summary>
    public ChannelReader<bool> Nudges => _nudges.Reader;

    public void Nudge() => _nudges.Writer.TryWrite(true);

    /// <summary>Raised after each attempt is recorded (the Admin page refreshes on it); handlers must not block.</summary>
    public event Action<NotificationDelivery>? Recorded;

    /// <summary>
    /// Queues <paramref name="message"/> for every enabled webhook that chose its event (or for <paramref name="only"/>),
    /// skipping a webhook that already had this occurrence queued; returns how many were queued.
    /// </summary>
    public static int Enqueue(Change c, NotificationMessage message, Webhook? only = null)
    {
        var targets = only is not null ? [only] : c.Session.Notifications.Webhooks().Where(w => w.Wants(message.Event));
        var queued = 0;
        foreach (var webhook in targets.Where(w => !c.Session.Notifications.Queued(w.Id, message.Key)))
        {
            c.Session.Notifications.Upsert(new NotificationDelivery
            {
                Id = Guid.NewGuid().ToString("N")[..16],
                WebhookId = webhook.Id,
                WebhookName = webhook.Name,
                Event = message.Event,
                Key = message.Key,
                Title = message.Title,
                Body = message.Body(webhook.Format),
                CreatedAt = c.Now,
                NextAttemptAt = c.Now,
            });
            queued++;
        }

        return queued;
    }

    /// <summary>How long until the earliest pending delivery is due (zero when one is due now), or null when none is pending.</summary>
    public TimeSpan? UntilNextDue() =>
        changes.Store.Read(s => s.Notifications.NextDue()) is { } next ? (next - changes.Now) > TimeSpan.Zero ? next - changes.Now : TimeSpan.Zero : null;

    public async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        foreach (var delivery in changes.Store.Read(s => s.Notifications.Due(changes.Now, Batch)))
        {
            await DeliverAsync(delivery, cancellationToken);
        }
    }

    private async Task DeliverAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var webhook = changes.Store.Read(s => s.Notifications.Webhook(delivery.WebhookId));
        var attempt = webhook is null
            ? new DeliveryAttempt(changes.Now, null, 0, "The webhook was removed.")
            : await SendAsync(webhook.Url, delivery.Body, cancellationToken);
        var recorded = await changes.RunAsync(Actor.System, c =>
        {
            var current = c.Session.Notifications.Delivery(delivery.Id) ?? delivery;
            var attempts = (IReadOnlyList<DeliveryAttempt>)[.. current.Attempts, attempt];
            var status = attempt.Succeeded ? DeliveryStatus.Delivered
                : webhook is null || attempts.Count >= options.Value.MaxAttempts ? DeliveryStatus.GaveUp
                : DeliveryStatus.Pending;
            var updated = current with { Attempts = attempts, Status = status, NextAttemptAt = c.Now + options.Value.RetryAfter(attempts.Count) };
            c.Session.Notifications.Upsert(updated);
            return updated;
        }, cancellationToken);
        Recorded?.Invoke(recorded);
        logger.LogInformation("Notification {DeliveryId} ({NotificationEvent}) to webhook {WebhookName}: attempt {Attempt} answered {StatusCode} in {DurationMs} ms, {DeliveryStatus} {DeliveryError}",
            recorded.Id, recorded.Event, recorded.WebhookName, recorded.Attempts.Count, attempt.StatusCode, attempt.DurationMs, recorded.Status, attempt.Error);
    }

    private async Task<DeliveryAttempt> SendAsync(string url, string body, CancellationToken cancellationToken)
    {
        var at = changes.Now;
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(url, content, timeout.Token);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"HTTP {status}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.";
        }
        catch (HttpRequestException ex)
        {
            // The handler's messages name the host and port at most, never the path or query that carry the secret.
            error = OutboundRefusedException.In(ex) is { } refused ? $"refused: {refused.Message}" : ex.Message;
        }

        return new DeliveryAttempt(at, status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, error);
    }
}
