using Microsoft.Net.Http.Headers;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Features.GuardedActions;

namespace OperatorConsole.Web.Features.KillSwitches;

/// <summary>
/// Services read switches here (API key or cookie); reads carry an ETag from the version and answer 304 to a
/// matching If-None-Match. `scope` is a query parameter and defaults to "global".
/// </summary>
public static class KillSwitchEndpoints
{
    public sealed record Flip(bool On, string? Reason, string? IncidentId, string? ConfirmationToken = null);

    public sealed record DisableRequest(string? Reason);

    public sealed record Validation(string? Result);

    public sealed record Drill(string? Reason);

    public sealed record Edit(string Description, bool DefaultOn, bool? Protective = null);

    public static RouteGroupBuilder MapKillSwitchEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/kill-switches").WithTags("Kill switches").DisableAntiforgery();

        // Polling: the version alone answers a 304; a changed version is answered from the shared board.
        group.MapGet("/", (HttpContext http, KillSwitchService switches, KillSwitchBoard board) =>
            Conditional(http, switches.CurrentVersion(), () => board.Snapshot()))
            .WithSummary("All kill switches with the store version (ETag, 304 when unchanged)");

        // The switch a service in `scope` obeys: the one for that scope, else the global one.
        group.MapGet("/{key}", (HttpContext http, KillSwitchService switches, string key, string? scope) =>
        {
            var found = switches.Resolve(key, scope) ?? throw new NotFoundException($"No kill switch '{key}' for scope '{KillSwitchService.NormalizeScope(scope)}'.");
            return Conditional(http, found.Version, () => found);
        }).WithSummary("The switch a service in a scope obeys (ETag, 304 when unchanged)");

        group.MapGet("/{key}/evidence", (KillSwitchService switches, string key, string? scope) =>
            switches.Get(key, scope) is null
                ? throw new NotFoundException($"No kill switch '{key}' for scope '{KillSwitchService.NormalizeScope(scope)}'.")
                : switches.Evidence(key, scope))
            .WithSummary("A kill switch's evidence records");

        // A switch's history, newest first, a page at a time: pass the page's nextBefore as `before` for the next.
        group.MapGet("/{key}/history", (KillSwitchService switches, string key, string? scope, string? before, string? limit) =>
            switches.History(key, scope, SwitchHistoryPaging.Parse(before, limit)))
            .WithSummary("A kill switch's history, newest first, a page at a time");

        group.MapPost("/", async (HttpContext http, KillSwitchService switches, KillSwitchDefinition body) =>
        {
            var created = await switches.CreateAsync(http.User.ToActor(), body);
            return Results.Created($"/api/kill-switches/{created.Key}?scope={Uri.EscapeDataString(created.Scope)}", created);
        }).WithSummary("Create a kill switch (Admin)");

        group.MapPut("/{key}", (HttpContext http, KillSwitchService switches, string key, string? scope, Edit body) =>
            switches.EditAsync(http.User.ToActor(), key, scope, body.Description, body.DefaultOn, body.Protective))
            .WithSummary("Edit a kill switch's description and defaults (Admin)");

        group.MapPost("/{key}/flip", (HttpContext http, KillSwitchService switches, string key, string? scope, Flip body) =>
            switches.FlipAsync(http.User.ToActor(), key, scope, body.On, body.Reason, body.IncidentId, body.ConfirmationToken))
            .WithSummary("Flip a kill switch on or off, with a reason");

        // Step one of turning a protective switch off; send the token with the flip.
        group.MapPost("/{key}/disable-request", async (HttpContext http, KillSwitchService switches, string key, string? scope, DisableRequest body) =>
            Results.Ok(TokenIssued.From(await switches.RequestDisableAsync(http.User.ToActor(), key, scope, body.Reason))))
            .WithSummary("Ask to turn a protective switch off; returns the confirmation token");

        group.MapPost("/{key}/validation", (HttpContext http, KillSwitchService switches, string key, string? scope, Validation body) =>
            switches.RecordValidationAsync(http.User.ToActor(), key, scope, body.Result))
            .WithSummary("Record whether a flip had the intended effect");

        group.MapPost("/{key}/drill", (HttpContext http, KillSwitchService switches, string key, string? scope, Drill body) =>
            switches.DrillAsync(http.User.ToActor(), key, scope, body.Reason))
            .WithSummary("Drill a kill switch: flip and restore it, recorded as a drill");

        return api;
    }

    private static IResult Conditional<T>(HttpContext http, long version, Func<T> body)
    {
        var etag = new EntityTagHeaderValue($"\"v{version}\"");
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = "no-cache";
        if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var sent)
            && sent.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Ok(body());
    }
}
