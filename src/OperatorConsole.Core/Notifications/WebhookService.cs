using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Notifications;

/// <summary>What an Admin sends to add or change a webhook; on a change a null <see cref="Url"/> keeps the stored one.</summary>
public sealed record WebhookInput(string? Name, string? Url, string? Format, IReadOnlyList<string>? Events, bool? Enabled = null);

/// <summary>
/// The Admin's outgoing webhooks. Every change is gated (Admin; refused in lockdown) and ledgered with the webhook's
/// name, format, events and URL hint, never its URL. Answers are <see cref="WebhookView"/>s.
/// </summary>
public sealed class WebhookService(ChangeRunner changes, NotificationOutbox outbox)
{
    public const int MaxName = 80;
    public const int MaxDeliveriesShown = 200;

    /// <summary>The events an Admin may choose (everything but the test).</summary>
    public static readonly IReadOnlyList<NotificationEvent> Choosable = [.. Enum.GetValues<NotificationEvent>().Where(e => e != NotificationEvent.Test)];

    public async Task<IReadOnlyList<WebhookView>> ListAsync(Actor actor)
    {
        await changes.CheckAsync(actor, c => c.Require(NotificationActions.Read, "notifications"));
        return [.. changes.Store.Read(s => s.Notifications.Webhooks()).Select(w => w.View())];
    }

    public async Task<IReadOnlyList<NotificationDelivery>> DeliveriesAsync(Actor actor, string? webhookId = null)
    {
        await changes.CheckAsync(actor, c => c.Require(NotificationActions.Read, "notifications"));
        return changes.Store.Read(s => s.Notifications.Deliveries(MaxDeliveriesShown, webhookId));
    }

    public Task<WebhookView> CreateAsync(Actor actor, WebhookInput input) =>
        changes.RunAsync(actor, c =>
        {
            c.Require(NotificationActions.Create, "notifications");
            var (name, format, events) = Validate(input);
            var webhook = new Webhook
            {
                Id = Guid.NewGuid().ToString("N")[..12],
                Name = name,
                Format = format,
                Url = WebhookUrl.Validate(input.Url),
                Events = events,
                Enabled = input.Enabled ?? true,
                CreatedBy = c.Actor.DisplayName,
                CreatedAt = c.Now,
            };
            c.Session.Notifications.Upsert(webhook);
            c.Record(NotificationActions.Create, Subject(webhook.Id), Payload(webhook));
            return webhook.View();
        });

    public Task<WebhookView> UpdateAsync(Actor actor, string id, WebhookInput input) =>
        changes.RunAsync(actor, c =>
        {
            c.Require(NotificationActions.Update, Subject(id));
            var stored = Find(c, id);
            var (name, format, events) = Validate(input);
            var updated = stored with
            {
                Name = name,
                Format = format,
                Events = events,
                Enabled = input.Enabled ?? stored.Enabled,
                Url = string.IsNullOrWhiteSpace(input.Url) ? stored.Url : WebhookUrl.Validate(input.Url),
            };
            c.Session.Notifications.Upsert(updated);
            c.Record(NotificationActions.Update, Subject(id), new { webhook = Payload(updated), urlReplaced = updated.Url != stored.Url });
            return updated.View();
        });

    public Task DeleteAsync(Actor actor, string id) =>
        changes.RunAsync(actor, c =>
        {
            c.Require(NotificationActions.Delete, Subject(id));
            var stored = Find(c, id);
            c.Session.Notifications.DeleteWebhook(id);
            c.Record(NotificationActions.Delete, Subject(id), Payload(stored));
            return true;
        });

    /// <summary>Queues a test message to one webhook; it is delivered (and retried) like any other.</summary>
    public async Task<NotificationDelivery> SendTestAsync(Actor actor, string id)
    {
        var delivery = await changes.RunAsync(actor, c =>
        {
            c.Require(NotificationActions.Test, Subject(id));
            var webhook = Find(c, id);
            var message = new NotificationMessage(NotificationEvent.Test, $"test:{Guid.NewGuid():N}", "Test from OperatorConsole",
                $"{c.Actor.DisplayName} sent this to check the webhook '{webhook.Name}'.", Subject(id), "/admin/notifications", c.Now);
            NotificationOutbox.Enqueue(c, message, webhook);
            c.Record(NotificationActions.Test, Subject(id), new { webhook.Name, host = WebhookUrl.Hint(webhook.Url) });
            return c.Session.Notifications.Deliveries(1, id)[0];
        });
        outbox.Nudge();
        return delivery;
    }

    private static string Subject(string id) => $"webhook:{id}";

    private static object Payload(Webhook w) => new { w.Id, w.Name, format = w.Format.ToString(), host = WebhookUrl.Hint(w.Url), events = w.Events.Select(e => e.ToString()), w.Enabled };

    private static Webhook Find(Change c, string id) =>
        c.Session.Notifications.Webhook(id) ?? throw new NotFoundException($"No webhook '{id}'.");

    private static (string Name, WebhookFormat Format, IReadOnlyList<NotificationEvent> Events) Validate(WebhookInput input)
    {
        var problems = new List<FieldProblem>();
        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > MaxName || name.Any(char.IsControl))
        {
            problems.Add(new FieldProblem("name", $"Name the webhook (1–{MaxName} characters, no control characters)."));
        }

        var format = WebhookFormat.Generic;
        if (!string.IsNullOrWhiteSpace(input.Format) && (int.TryParse(input.Format, out _) || !Enum.TryParse(input.Format.Trim(), ignoreCase: true, out format)))
        {
            problems.Add(new FieldProblem("format", "The format is Generic or Slack."));
        }

        var events = new List<NotificationEvent>();
        foreach (var text in input.Events ?? [])
        {
            if (Enum.TryParse<NotificationEvent>(text?.Trim(), ignoreCase: true, out var e) && Choosable.Contains(e) && !int.TryParse(text, out _))
            {
                events.Add(e);
            }
            else
            {
                problems.Add(new FieldProblem("events", $"Choose events from: {string.Join(", ", Choosable)}."));
                break;
            }
        }

        if (events.Count == 0 && problems.All(p => p.Field != "events"))
        {
            problems.Add(new FieldProblem("events", "Choose at least one event."));
        }

        return problems.Count > 0 ? throw DomainValidationException.ForFields(problems) : (name, format, [.. events.Distinct()]);
    }
}
