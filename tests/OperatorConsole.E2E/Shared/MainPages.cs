using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Shared;

/// <summary>
/// The console's main pages over the demo data, with the user who sees the most of each: the lists, one of each
/// detail page (a run is started when the demo has none) and the admin pages. Accessibility and phone tests walk them.
/// </summary>
public static class MainPages
{
    public const string OperatorUser = "owner";
    public const string OperatorPassword = "demo-owner";
    public const string AdminUser = "admin";
    public const string AdminPassword = ConsoleHost.AdminPassword;

    public static readonly string[] AdminPaths =
    [
        "/admin/users", "/admin/api-keys", "/admin/guarded-actions", "/admin/alert-rules", "/admin/alert-deliveries",
        "/admin/outbound", "/admin/notifications", "/admin/backups",
    ];

    /// <summary>Pages an incident owner on call sees, detail pages resolved against <paramref name="host"/>'s demo data.</summary>
    public static async Task<IReadOnlyList<string>> OperatorPathsAsync(ConsoleHost host)
    {
        var owner = host.Service<UserService>().Find(OperatorUser)!.ToActor();
        var runbook = host.Service<RunbookService>().List()[0];
        var runs = host.Service<RunService>().List();
        var run = runs.Count > 0 ? runs[0] : await host.Service<RunService>().StartAsync(owner, runbook.Slug);
        var incidents = host.Service<IncidentService>().List();
        var incident = incidents.Count > 0
            ? incidents[0]
            : await host.Service<IncidentService>().OpenAsync(owner, new OpenIncident(
                "Bad publish in porto", IncidentClass.BadPublish, IncidentSeverity.Sev1, ["porto"], "Resolver health"));
        var releases = host.Service<ReleaseService>().List();
        var release = releases.Count > 0 ? releases[0].Id : await RegisterReleaseAsync(host);
        var launches = host.Service<LaunchService>().List();
        var launch = launches.Count > 0 ? launches[0].Id : await StartLaunchAsync(host, release);
        return
        [
            "/", "/runbooks", $"/runbooks/{runbook.Slug}", "/runbooks/import", "/runs", $"/runs/{run.Id}",
            "/incidents", $"/incidents/{incident.Id}", $"/{IncidentLinks.Act(incident.Id)}", "/incidents/new", "/alerts", "/kill-switches", "/lockdown",
            "/scopes", "/scopes/porto", "/releases", $"/releases/{release}", "/rollbacks", "/follow-ups",
            "/ledger", "/ledger/investigate", "/health-checks", "/health-check", "/evidence/verify",
            "/launches", $"/launches/{launch}", "/insights",
        ];
    }

    private static async Task<string> StartLaunchAsync(ConsoleHost host, string releaseId)
    {
        var releaseOwner = host.Service<UserService>().Find("release")!.ToActor();
        return (await host.Service<LaunchService>().CreateAsync(releaseOwner, new LaunchInput(releaseId, null))).Id;
    }

    private static async Task<string> RegisterReleaseAsync(ConsoleHost host)
    {
        var releaseOwner = host.Service<UserService>().Find("release")!.ToActor();
        await host.Service<ReleaseService>().RegisterAsync(releaseOwner,
            new ReleaseInput("model-slot-a", "M-A11Y-V1", null, null, null, "sbom/m-a11y-v1.spdx.json", "Accessibility walk."));
        return ReleaseRules.ManifestId("model-slot-a", "M-A11Y-V1");
    }
}
