using Microsoft.Net.Http.Headers;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Scopes;

/// <summary>
/// Scopes, their manifests and the two-step rebind. Services resolve a scope's active manifest at
/// GET /api/scopes/{scope}/active (API key or cookie), with an ETag from the binding version and 304 on a match.
/// </summary>
public static class ScopeEndpoints
{
    public sealed record RebindRequest(string? ManifestId);

    public sealed record RebindConfirm(string? ManifestId, string? Token, string? Reason);

    public static RouteGroupBuilder MapScopeEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/scopes").WithTags("Scopes").DisableAntiforgery();

        group.MapGet("/", (ScopeService scopes) => scopes.List().Select(s => scopes.Detail(s.Id)).ToList())
            .WithSummary("List scopes");

        group.MapGet("/{scope}", (ScopeService scopes, string scope) => scopes.Detail(scope))
            .WithSummary("One scope");

        group.MapGet("/{scope}/active", (HttpContext http, ScopeService scopes, string scope) =>
        {
            var active = scopes.Active(scope);
            var etag = new EntityTagHeaderValue($"\"b{active.Version}\"");
            http.Response.Headers.ETag = etag.ToString();
            http.Response.Headers.CacheControl = "no-cache";
            return EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var sent)
                && sent.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false))
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Ok(active);
        }).WithSummary("The manifest bound as active in a scope");

        group.MapGet("/{scope}/objective", (RollbackObjective objective, ScopeService scopes, string scope) =>
            scopes.Get(scope) is null ? throw new Core.Common.NotFoundException($"No scope '{scope}'.") : objective.Proof(scope))
            .WithSummary("A scope's rollback objective");

        group.MapPost("/", async (HttpContext http, ScopeService scopes, ScopeDefinition body) =>
        {
            var created = await scopes.CreateAsync(http.User.ToActor(), body);
            return Results.Created($"/api/scopes/{created.Id}", created);
        }).WithSummary("Create a scope");

        group.MapPost("/{scope}/manifests", async (HttpContext http, ScopeService scopes, string scope, ManifestInput body) =>
        {
            var registered = await scopes.RegisterManifestAsync(http.User.ToActor(), scope, body);
            return Results.Created($"/api/scopes/{scope}/manifests/{registered.Id}", registered);
        }).WithSummary("Register a manifest in a scope");

        group.MapGet("/{scope}/manifests/{manifestId}/verify", async (ScopeService scopes, string scope, string manifestId, CancellationToken ct) =>
            scopes.Manifest(manifestId).ScopeId == scope
                ? await scopes.VerifyAsync(manifestId, cancellationToken: ct)
                : throw new Core.Common.NotFoundException($"Scope '{scope}' has no manifest '{manifestId}'."))
            .WithSummary("Verify a manifest's checksums");

        // Step one of a rebind: the answer carries the single-use token for step two.
        group.MapPost("/{scope}/rebind/request", (HttpContext http, ScopeService scopes, string scope, RebindRequest body) =>
            scopes.RequestRebindAsync(http.User.ToActor(), scope, body.ManifestId ?? string.Empty))
            .WithSummary("Ask to rebind a scope to another manifest (step one of two)");

        group.MapPost("/{scope}/rebind", (HttpContext http, ScopeService scopes, string scope, RebindConfirm body) =>
            scopes.RebindAsync(http.User.ToActor(), body.Token ?? string.Empty, scope, body.ManifestId ?? string.Empty, body.Reason))
            .WithSummary("Rebind a scope to another manifest");

        return api;
    }
}
