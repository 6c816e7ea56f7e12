using OperatorConsole.Core.Notifications;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Notifications;

/// <summary>
/// Outgoing webhooks (Admin). GET lists them (the URL only as a hint), POST {"name","url","format","events":[…]} adds one,
/// PUT /{id} changes one (no "url" keeps the stored one), DELETE /{id} removes it, POST /{id}/test queues a test message;
/// GET /deliveries[?webhookId=] shows each delivery with its attempts.
/// </summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications").DisableAntiforgery();

        group.MapGet("/webhooks", async (HttpContext http, WebhookService webhooks) => await webhooks.ListAsync(http.User.ToActor()))
            .WithSummary("The outgoing webhooks (their URLs masked)");

        group.MapPost("/webhooks", async (HttpContext http, WebhookService webhooks, WebhookInput body) =>
        {
            var created = await webhooks.CreateAsync(http.User.ToActor(), body);
            return Results.Created($"/api/notifications/webhooks/{created.Id}", created);
        }).WithSummary("Add an outgoing webhook (Admin)");

        group.MapPut("/webhooks/{id}", async (HttpContext http, WebhookService webhooks, string id, WebhookInput body) =>
            await webhooks.UpdateAsync(http.User.ToActor(), id, body))
            .WithSummary("Change an outgoing webhook; without a URL the stored one is kept (Admin)");

        group.MapDelete("/webhooks/{id}", async (HttpContext http, WebhookService webhooks, string id) =>
        {
            await webhooks.DeleteAsync(http.User.ToActor(), id);
            return Results.NoContent();
        }).WithSummary("Remove an outgoing webhook (Admin)");

        group.MapPost("/webhooks/{id}/test", async (HttpContext http, WebhookService webhooks, string id) =>
            Results.Accepted($"/api/notifications/deliveries?webhookId={id}", await webhooks.SendTestAsync(http.User.ToActor(), id)))
            .WithSummary("Queue a test message to an outgoing webhook (Admin)");

        group.MapGet("/deliveries", async (HttpContext http, WebhookService webhooks, string? webhookId) =>
            await webhooks.DeliveriesAsync(http.User.ToActor(), webhookId))
            .WithSummary("Recent webhook deliveries and their attempts, optionally of one webhook");

        return group;
    }
}
