using OperatorConsole.Core.Outbound;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Outbound;

/// <summary>
/// The outbound allow-list (Admin): which non-public destinations probes, read-backs and the lockdown webhook may reach.
/// GET lists it, POST {"target":"10.20.0.0/16","note":"…"} opens one, DELETE ?target=… closes it again.
/// </summary>
public static class OutboundEndpoints
{
    public sealed record AllowRequest(string? Target, string? Note);

    public static RouteGroupBuilder MapOutboundEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/outbound").WithTags("Outbound").DisableAntiforgery();

        group.MapGet("/", async (HttpContext http, OutboundService outbound) =>
            (await outbound.AllowListAsync(http.User.ToActor())).Rules)
            .WithSummary("The outbound allow-list of private addresses (Admin)");

        group.MapPost("/", async (HttpContext http, OutboundService outbound, AllowRequest body) =>
        {
            var rule = await outbound.AllowAsync(http.User.ToActor(), body.Target, body.Note);
            return Results.Created($"/api/outbound?target={Uri.EscapeDataString(rule.Target)}", rule);
        }).WithSummary("Allow a private address for probes and fetches (Admin)");

        group.MapDelete("/", async (HttpContext http, OutboundService outbound, string? target) =>
        {
            await outbound.RemoveAsync(http.User.ToActor(), target);
            return Results.NoContent();
        }).WithSummary("Remove an address from the outbound allow-list (Admin)");

        return group;
    }
}
