using System.Text;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Web.Auth;

using OperatorConsole.Web.Features.GuardedActions;

namespace OperatorConsole.Web.Features.Lockdown;

/// <summary>
/// The panic button over HTTP: engage, read, download the pre-halt snapshot, and the two explicit release steps
/// (request → token, confirm with the token). The Admin's alert webhook setting lives here too.
/// </summary>
public static class LockdownEndpoints
{
    public sealed record Engage(string? Reason, string? IncidentId);

    public sealed record ReleaseRequest(string? Reason);

    public sealed record ReleaseConfirm(string? Token, string? Reason);

    public sealed record Settings(string? AlertWebhookUrl);

    public static RouteGroupBuilder MapLockdownEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/lockdown").WithTags("Lockdown").DisableAntiforgery();

        group.MapGet("/", (LockdownService lockdown) => new { Active = lockdown.Active(), Latest = lockdown.History() is [var latest, ..] ? latest : null })
            .WithSummary("The active emergency lockdown, if any");

        group.MapGet("/history", (LockdownService lockdown) => lockdown.History())
            .WithSummary("Past lockdowns");

        group.MapPost("/", async (HttpContext http, LockdownService lockdown, Engage body) =>
        {
            var record = await lockdown.EngageAsync(http.User.ToActor(), body.Reason, body.IncidentId);
            return Results.Created($"/api/lockdown/{record.Id}", record);
        }).WithSummary("Engage emergency lockdown");

        group.MapGet("/{id}", (LockdownService lockdown, string id) => lockdown.Get(id))
            .WithSummary("One lockdown");

        group.MapGet("/{id}/snapshot", (HttpContext http, LockdownService lockdown, string id) =>
        {
            var snapshot = lockdown.Snapshot(id);
            http.Response.Headers["X-Integrity-Hash"] = snapshot.IntegrityHash;
            return Results.File(Encoding.UTF8.GetBytes(snapshot.Json), "application/json", snapshot.FileName);
        }).WithSummary("The state snapshot taken when a lockdown engaged");

        group.MapPost("/release/request", async (HttpContext http, LockdownService lockdown, ReleaseRequest body) =>
            Results.Ok(TokenIssued.From(await lockdown.RequestReleaseAsync(http.User.ToActor(), body.Reason))))
            .WithSummary("Ask to release lockdown (step one of two)");

        // The console's own one-step release: released at once without four-eyes, otherwise waiting for a second person.
        group.MapPost("/release", async (HttpContext http, LockdownService lockdown, ReleaseRequest body) =>
            await lockdown.ReleaseAsync(http.User.ToActor(), body.Reason) is { } released
                ? Results.Ok(new { released = true, lockdown = released })
                : Results.Accepted(value: new { released = false, waitingForSecondPerson = true }))
            .WithSummary("Release lockdown");

        group.MapPost("/release/confirm", (HttpContext http, LockdownService lockdown, ReleaseConfirm body) =>
            lockdown.ConfirmReleaseAsync(http.User.ToActor(), body.Token, body.Reason))
            .WithSummary("Confirm a lockdown release (step two)");

        group.MapGet("/settings", (HttpContext http, LockdownService lockdown) => lockdown.SettingsAsync(http.User.ToActor()))
            .WithSummary("Lockdown webhook settings (Admin)");

        group.MapPut("/settings", (HttpContext http, LockdownService lockdown, Settings body) =>
            lockdown.SetAlertWebhookAsync(http.User.ToActor(), body.AlertWebhookUrl))
            .WithSummary("Change the lockdown webhook settings (Admin)");

        return api;
    }
}
