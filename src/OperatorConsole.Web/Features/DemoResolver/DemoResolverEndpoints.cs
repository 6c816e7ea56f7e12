using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Web.Hosting;

namespace OperatorConsole.Web.Features.DemoResolver;

/// <summary>
/// DEMO ONLY — a stand-in for the publisher's resolver and rules API, so the seeded rollback and drill have real
/// probes and real bytes to checksum on a fresh machine. It serves whatever the console itself has bound as active,
/// so a rebind shows here at once. Anonymous like a public resolver, hence mapped only when the demo is asked for.
/// </summary>
public static class DemoResolverEndpoints
{
    public const string Label = "OperatorConsole demo resolver — a stand-in for the publisher, not a production service";

    public static IEndpointRouteBuilder MapDemoResolver(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!DemoMode.IsEnabled(configuration))
        {
            return app;
        }

        var demo = app.MapGroup("/demo").AllowAnonymous().WithTags("Demo resolver (not production)");

        demo.MapGet("/resolver/{scope}", (ScopeService scopes, string scope) =>
        {
            var active = scopes.Active(scope);
            return Results.Ok(new
            {
                demo = Label,
                scope = active.ScopeId,
                manifestId = active.Active.Id,
                version = active.Active.Version,
                manifestChecksum = active.Active.ManifestChecksum,
                packChecksum = active.Active.PackChecksum,
                bindingVersion = active.Version,
                boundAt = active.BoundAt,
            });
        }).WithSummary("Demo only: the active manifest a resolver would serve for a scope");

        demo.MapGet("/resolver/{scope}/manifest", (ScopeService scopes, string scope) =>
            Bytes(scopes.Manifest(scopes.Active(scope).Active.Id).ManifestContent))
            .WithSummary("Demo only: the active manifest's bytes for a scope");

        demo.MapGet("/resolver/{scope}/pack", (ScopeService scopes, string scope) =>
            Bytes(scopes.Manifest(scopes.Active(scope).Active.Id).PackContent))
            .WithSummary("Demo only: the active pack's bytes for a scope");

        // The rules API reads the active pack as a service would: a pack that does not parse is a failing rules API.
        demo.MapGet("/rules/{scope}", (ScopeService scopes, string scope) =>
        {
            var manifest = scopes.Manifest(scopes.Active(scope).Active.Id);
            try
            {
                using var pack = JsonDocument.Parse(manifest.PackContent ?? []);

                // A release registered without an artefact serves its model card (ReleaseArtefacts): a model slot's
                // rules API answers with the model it serves, so launch day can validate a demo release in production.
                if (pack.RootElement.ValueKind == JsonValueKind.Object && pack.RootElement.TryGetProperty("kind", out var kind) && kind.ValueEquals("model-card"))
                {
                    return Results.Ok(new { demo = Label, scope, manifestId = manifest.Id, version = manifest.Version, modelCard = true });
                }

                var rules = pack.RootElement.GetProperty("rules").GetArrayLength();
                return Results.Ok(new { demo = Label, scope, manifestId = manifest.Id, version = manifest.Version, ruleCount = rules });
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return Results.Problem(
                    $"The active pack of '{scope}' ({manifest.Id}) cannot be read as a rules pack.", statusCode: StatusCodes.Status502BadGateway, title: "Rules pack unreadable");
            }
        }).WithSummary("Demo only: the rules document a publisher would serve for a scope");

        return app;
    }

    private static IResult Bytes(byte[]? content) =>
        content is null ? throw new NotFoundException("This manifest is stored by URL; the demo resolver serves stored content only.") : Results.Bytes(content, "application/json");
}
