using System.Text;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.LaunchDay;

/// <summary>
/// Launch day over the API: the launches, each with its gate and what the caller may do, the validation steps in
/// order, the sign-offs, the archived bundle, and (Admin) the sign-off duties. Every decision is LaunchService's.
/// </summary>
public static class LaunchEndpoints
{
    public sealed record Create(string? ReleaseId, ConfigExpectations? Expectations);

    public sealed record SignOffBody(string? Area, string? Statement);

    public sealed record DutiesBody(string? Area, IReadOnlyList<string>? UserIds);

    public static RouteGroupBuilder MapLaunchEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/launches").WithTags("Launch day").DisableAntiforgery();

        group.MapGet("/", (LaunchService launches, string? scope) => launches.List(string.IsNullOrWhiteSpace(scope) ? null : scope.Trim()))
            .WithSummary("List launches");

        group.MapGet("/duties", (HttpContext http, LaunchService launches, CancellationToken ct) => launches.DutiesAsync(http.User.ToActor(), ct))
            .WithSummary("Launch-day duties and who holds them");

        group.MapPut("/duties", (HttpContext http, LaunchService launches, DutiesBody body, CancellationToken ct) =>
            launches.SetDutiesAsync(http.User.ToActor(), body.Area, body.UserIds, ct))
            .WithSummary("Assign launch-day duties");

        group.MapGet("/{id}", (HttpContext http, LaunchService launches, string id) => launches.View(http.User.ToActor(), id))
            .WithSummary("One launch");

        group.MapGet("/{id}/gate", (LaunchService launches, string id) => launches.Gate(id))
            .WithSummary("A launch's GO/NO-GO gate and what each check says");

        group.MapGet("/{id}/timeline", (LaunchService launches, string id) => launches.Timeline(id))
            .WithSummary("A launch's timeline");

        group.MapPost("/", async (HttpContext http, LaunchService launches, Create body, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var launch = await launches.CreateAsync(actor, new LaunchInput(body.ReleaseId, body.Expectations), ct);
            return Results.Created($"/api/launches/{launch.Id}", launches.View(actor, launch.Id));
        }).WithSummary("Create a launch");

        group.MapPut("/{id}/expectations", (HttpContext http, LaunchService launches, string id, ConfigExpectations body, CancellationToken ct) =>
            Step(http, launches, id, a => launches.SetExpectationsAsync(a, id, body, ct)))
            .WithSummary("Set a launch's expectations");

        // The config itself as the body (JSON, YAML or env, by Content-Type or ?format=), or JSON {"text", "format"}.
        group.MapPost("/{id}/config", async (HttpRequest request, LaunchService launches, string id, string? format, CancellationToken ct) =>
        {
            var (text, stated) = await ConfigBody.ReadAsync(request, format);
            return await Step(request.HttpContext, launches, id, a => launches.SubmitConfigAsync(a, id, text, stated, ct));
        }).WithSummary("Submit the production config for a launch (JSON, YAML or env)");

        group.MapPost("/{id}/config/fetch", (HttpContext http, LaunchService launches, string id, CancellationToken ct) =>
            Step(http, launches, id, a => launches.FetchConfigAsync(a, id, ct)))
            .WithSummary("Fetch the production config from its source and check it against the expectations");

        group.MapPost("/{id}/first-publish", (HttpContext http, LaunchService launches, string id, CancellationToken ct) =>
            Step(http, launches, id, a => launches.ValidateFirstPublishAsync(a, id, ct)))
            .WithSummary("Validate the first publish of a launch");

        group.MapPost("/{id}/probes", (HttpContext http, LaunchService launches, string id, CancellationToken ct) =>
            Step(http, launches, id, a => launches.RunProductionProbesAsync(a, id, ct)))
            .WithSummary("Run a launch's production probes");

        group.MapPost("/{id}/live-fetch", (HttpContext http, LaunchService launches, string id, CancellationToken ct) =>
            Step(http, launches, id, a => launches.RunLiveFetchAsync(a, id, ct)))
            .WithSummary("Run a launch's live fetch of the published artefacts");

        group.MapPost("/{id}/sign-offs", (HttpContext http, LaunchService launches, string id, SignOffBody body, CancellationToken ct) =>
            Step(http, launches, id, a => launches.SignOffAsync(a, id, body.Area, body.Statement, ct)))
            .WithSummary("Sign off an area of a launch");

        // Step 5: archives the evidence and completes the launch; the answer is the sealed bundle itself.
        group.MapPost("/{id}/archive", async (HttpContext http, LaunchService launches, string id, CancellationToken ct) =>
        {
            var archive = await launches.ArchiveAsync(http.User.ToActor(), id, ct);
            return Bundle(http, archive.Bundle);
        }).WithSummary("Archive a launch's evidence and complete it; returns the sealed bundle");

        group.MapGet("/{id}/bundle", (HttpContext http, LaunchService launches, string id) => Bundle(http, launches.Bundle(id)))
            .WithSummary("Download a launch's evidence bundle");

        return api;
    }

    private static async Task<LaunchView> Step(HttpContext http, LaunchService launches, string id, Func<Core.Common.Actor, Task<Launch>> step)
    {
        var actor = http.User.ToActor();
        var launch = await step(actor);
        return launches.View(actor, launch.Id);
    }

    private static IResult Bundle(HttpContext http, Core.Evidence.PreservedBundle bundle)
    {
        http.Response.Headers["X-Integrity-Hash"] = bundle.IntegrityHash;
        return Results.File(Encoding.ASCII.GetBytes(bundle.Json), "application/json", bundle.FileName);
    }
}
