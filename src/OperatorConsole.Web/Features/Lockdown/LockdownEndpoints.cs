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

        group.MapGet("/", (LockdownService lockdown) => new { Active = lockdown.Active(), Latest = lockdown.History() is [var latest, ..] ? latest : null });

        group.MapGet("/history", (LockdownService lockdown) => lockdown.History());

        group.MapPost("/", async (HttpContext http, LockdownService lockdown, Engage body) =>
        {
            var record = await lockdown.EngageAsync(http.User.ToActor(), body.Reason, body.IncidentId);
            return Results.Created($"/api/lockdown/{record.Id}", record);
        });

        group.MapGet("/{id}", (LockdownService lockdown, string id) => lockdown.Get(id));

        group.MapGet("/{id}/snapshot", (HttpContext http, LockdownService lockdown, string id) =>
        {
            var snapshot = lockdown.Snapshot(id);
            http.Response.Headers["X-Integrity-Hash"] = snapshot.IntegrityHash;
            return Results.File(Encoding.UTF8.GetBytes(snapshot.Json), "application/json", snapshot.FileName);
        });

        group.MapPost("/release/request", async (HttpContext http, LockdownService lockdown, ReleaseRequest body) =>
            Results.Ok(TokenIssued.From(await lockdown.RequestReleaseAsync(http.User.ToActor(), body.Reason))));

        // The console's own one-step release: released at once without four-eyes, otherwise waiting for a second person.
        group.MapPost("/release", async (HttpContext http, LockdownService lockdown, ReleaseRequest body) =>
            await lockdown.ReleaseAsync(http.User.ToActor(), body.Reason) is { } released
                ? Results.Ok(new { released = true, lockdown = released })
                : Results.Accepted(value: new { released = false, waitingForSecondPerson = true }));

        group.MapPost("/release/confirm", (HttpContext http, LockdownService lockdown, ReleaseConfirm body) =>
            lockdown.ConfirmReleaseAsync(http.User.ToActor(), body.Token, body.Reason));

        group.MapGet("/settings", (HttpContext http, LockdownService lockdown) => lockdown.SettingsAsync(http.User.ToActor()));

        group.MapPut("/settings", (HttpContext http, LockdownService lockdown, Settings body) =>
            lockdown.SetAlertWebhookAsync(http.User.ToActor(), body.AlertWebhookUrl));

        return api;
    }
}
