using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.LaunchDay;

/// <summary>
/// Scope "porto" (a drill target, v1 last known good, v2 active) behind a loopback resolver, rules API and pack URL that
/// serve whatever the store has bound right then; release M-Sorter-V4 shadowed as the candidate; the duty holders as
/// stored users; and a launch for the release. Nothing of the gate is satisfied until a test asks for it.
/// </summary>
public sealed class LaunchScene : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    public const string Version = "M-Sorter-V4";
    public const string Secret = "sk-live-0d5e9c1b7a-never-stored";

    public static readonly ConfigExpectations Expected = new()
    {
        Endpoints = new Dictionary<string, string> { ["api.endpoint"] = "https://api.binkindly.example/v1" },
        Flags = new Dictionary<string, string> { ["FEATURE_LOCALITY"] = "true" },
        RequiredAuthKeys = ["AUTH_SIGNING_KEY"],
    };

    public static readonly string Config = $"""
        api.endpoint=https://api.binkindly.example/v1/
        FEATURE_LOCALITY=TRUE
        kill_switches.bad-pack=false
        AUTH_SIGNING_KEY={Secret}
        """;

    private readonly LoopbackHttpServer _production;

    private LaunchScene(TestStore store, ManualClock clock)
    {
        Store = store;
        Clock = clock;
        _production = new LoopbackHttpServer(path =>
        {
            var active = store.Scopes.Active(ScopeScene.ScopeId).Active;
            var manifest = store.Scopes.Manifest(active.Id);
            return path switch
            {
                _ when path.StartsWith("/rules", StringComparison.Ordinal) => RulesDown ? (503, "{\"error\":\"down\"}") : (200, "{\"ruleCount\":1}"),
                _ when path.EndsWith("/pack", StringComparison.Ordinal) => (200, System.Text.Encoding.UTF8.GetString(manifest.PackContent!)),
                _ when path.EndsWith("/manifest", StringComparison.Ordinal) => (200, System.Text.Encoding.UTF8.GetString(manifest.ManifestContent!)),
                _ => (200, $"{{\"manifestId\":\"{active.Id}\",\"manifestChecksum\":\"{active.ManifestChecksum}\",\"packChecksum\":\"{active.PackChecksum}\"}}"),
            };
        });
    }

    public TestStore Store { get; }

    /// <summary>While set, production's rules API answers 503, so the production probes fail.</summary>
    public bool RulesDown { get; set; }

    public ManualClock Clock { get; }

    public LaunchService Launches => Store.Launches;

    public Launch Launch { get; private set; } = null!;

    public static string ReleaseId => ReleaseRules.ManifestId(ScopeScene.ScopeId, Version);

    public static async Task<LaunchScene> CreateAsync()
    {
        var clock = new ManualClock(T0);
        var scene = new LaunchScene(new TestStore(clock), clock);
        var store = scene.Store;
        await store.Outbound.AllowAsync(TestActors.Admin, scene._production.Address.Host, "the test production on loopback");
        string Url(string path) => new Uri(scene._production.Address, path).ToString();
        await store.Scopes.CreateAsync(TestActors.Rita, new ScopeDefinition(ScopeScene.ScopeId, "Porto", null, true, Url("/resolver/porto"), Url("/rules/porto"), Url("/resolver/porto/pack")));
        foreach (var id in new[] { ScopeScene.V1, ScopeScene.V2 })
        {
            await store.Scopes.RegisterManifestAsync(TestActors.Rita, ScopeScene.ScopeId, ScopeScene.Input(id));
            await ScopeScene.RebindAsync(store, id);
        }

        foreach (var (id, name, role) in new[] { ("omar", "Omar On-call", Role.OnCall), ("olga", "Olga On-call", Role.OnCall), ("ines", "Ines Incident-owner", Role.IncidentOwner), ("vera", "Vera Viewer", Role.Viewer) })
        {
            await store.Users.CreateAsync(TestActors.Admin, id, name, "correct horse battery staple", role);
        }

        await store.Releases.RegisterAsync(TestActors.Rita, new ReleaseInput(null, Version, null, null, null, null, "Wider lane."));
        await store.Releases.SetCandidateAsync(TestActors.Rita, null, Version, 1);
        await store.Releases.ReportShadowCyclesAsync(TestActors.Omar, null, 1);
        scene.Launch = await scene.Launches.CreateAsync(TestActors.Rita, new LaunchInput(ReleaseId, Expected));
        return scene;
    }

    public LaunchGate Gate() => Launches.Gate(Launch.Id);

    public NoGoRule Rule(string id) => Gate().Rules.Single(r => r.Id == id);

    /// <summary>A rollback drill of porto that passes (it leaves v1 active).</summary>
    public async Task PassingDrillAsync(bool passing = true)
    {
        var run = await Store.Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId, drill: true);
        await Store.Rollbacks.ConfirmTargetsAsync(TestActors.Omar, run.Id);
        Clock.Now += passing ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(16);
        var request = await Store.Rollbacks.RequestRebindAsync(TestActors.Omar, run.Id);
        await Store.Rollbacks.ConfirmRebindAsync(TestActors.Omar, run.Id, request.Token);
        Clock.Now += TimeSpan.FromMinutes(2);
        await Store.Rollbacks.VerifyChecksumsAsync(TestActors.Omar, run.Id);
        var done = await Store.Rollbacks.ProbeAsync(TestActors.Omar, run.Id);
        Assert.Equal(passing, done.Outcome!.Passed);
    }

    public async Task<KillSwitch> SwitchAsync(bool drilled, string scope = ScopeScene.ScopeId)
    {
        var created = await Store.KillSwitches.CreateAsync(TestActors.Admin, new KillSwitchDefinition("bad-pack", scope, "Stop serving the new pack", false));
        return drilled ? (await Store.KillSwitches.DrillAsync(TestActors.Omar, "bad-pack", scope, "launch-day drill")).Switch : created;
    }

    public Task<AlertRule> AlertRuleAsync(IncidentClass incidentClass) =>
        Store.AlertRules.CreateAsync(TestActors.Admin, new AlertRuleDraft($"{incidentClass} route", incidentClass.ToString(), [], incidentClass,
            IncidentSeverity.Sev2, "Open the runbook", null, "scope", AlertRuleMode.JoinOpen, false));

    /// <summary>Every no-go rule cleared except the scope's own production probes.</summary>
    public async Task ClearGateButProbesAsync()
    {
        await PassingDrillAsync();
        await SwitchAsync(drilled: true);
        await AlertRuleAsync(IncidentClass.StalePackBreach);
        await AlertRuleAsync(IncidentClass.PublishFailure);
    }

    public async Task PromoteAsync()
    {
        var request = await Store.Releases.RequestPromoteAsync(TestActors.Rita, null);
        await Store.Releases.PromoteAsync(TestActors.Rita, request.Token, null);
    }

    /// <summary>The gate clear and steps 1–4 passed, by the release owner.</summary>
    public async Task<Launch> ReadyForSignOffAsync()
    {
        await ClearGateButProbesAsync();
        await PromoteAsync();
        await Launches.SubmitConfigAsync(TestActors.Rita, Launch.Id, Config, "env");
        await Launches.ValidateFirstPublishAsync(TestActors.Rita, Launch.Id);
        await Launches.RunProductionProbesAsync(TestActors.Rita, Launch.Id);
        Launch = await Launches.RunLiveFetchAsync(TestActors.Rita, Launch.Id);
        Assert.All(Launch.Steps.Take(4), s => Assert.Equal(LaunchStepState.Passed, s.State));
        return Launch;
    }

    /// <summary>Product: Omar, Engineering: Olga, QA: Ines (and Olga for QA too, to test one person for two areas).</summary>
    public async Task AssignDutiesAsync()
    {
        await Launches.SetDutiesAsync(TestActors.Admin, SignOffArea.Product, ["omar"]);
        await Launches.SetDutiesAsync(TestActors.Admin, SignOffArea.Engineering, ["olga"]);
        await Launches.SetDutiesAsync(TestActors.Admin, SignOffArea.Qa, ["ines", "olga"]);
    }

    public void Dispose()
    {
        _production.Dispose();
        Store.Dispose();
    }
}
