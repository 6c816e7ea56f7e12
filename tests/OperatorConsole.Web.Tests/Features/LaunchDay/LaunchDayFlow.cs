using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;
using static OperatorConsole.Web.Tests.Releases.ModelCommandClient;

namespace OperatorConsole.Web.Tests.Features.LaunchDay;

/// <summary>
/// The demo console with one launch day run through the API to the end, while a Viewer's hub connection watches
/// "launches": the gate cleared with a rollback drill and kill-switch drills, a slot behind the console's own demo
/// resolver, the release promoted, steps 1–4 run by a release owner's key, the three duty holders signing with their
/// own sessions, and the archive. The tests read what happened.
/// </summary>
public sealed class LaunchDayFlow : IAsyncLifetime
{
    public const string Secret = "sk-demo-launch-5b1e0c77";
    private readonly ConcurrentQueue<LiveEvent> _seen = new();
    private HubConnection _hub = null!;

    public ConsoleHost Host { get; } = new();

    public HttpClient ReleaseOwner { get; private set; } = null!;

    public HttpClient Viewer { get; private set; } = null!;

    public string Scope { get; } = $"launch-{Guid.NewGuid():N}"[..15];

    public string LaunchId { get; private set; } = null!;

    public HttpResponseMessage Archived { get; private set; } = null!;

    public string BundleJson { get; private set; } = null!;

    public TaskCompletionSource<LiveEvent> Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<LiveEvent> Seen => _seen;

    /// <summary>An env file as production holds it, with a default for every kill switch the console has for the slot.</summary>
    public string Config() =>
        string.Join('\n', [
            "# production config of the demo slot",
            "export API_ENDPOINT=\"https://api.binkindly.example/v1\"",
            "FEATURE_LOCALITY=true",
            $"AUTH_SIGNING_KEY={Secret}",
            .. Host.Service<KillSwitchService>().List().Where(s => s.Scope == KillSwitch.GlobalScope)
                .Select(s => $"kill_switches.{s.Key}={(s.DefaultOn ? "true" : "false")}"),
        ]);

    public static object Expectations => new
    {
        endpoints = new Dictionary<string, string> { ["API_ENDPOINT"] = "https://api.binkindly.example/v1/" },
        flags = new Dictionary<string, string> { ["FEATURE_LOCALITY"] = "TRUE" },
        requiredAuthKeys = new[] { "AUTH_SIGNING_KEY" },
        killSwitchPrefix = "kill_switches.",
    };

    public async Task InitializeAsync()
    {
        await ClearGateAsync();
        ReleaseOwner = await Host.ApiClientAsync(Role.ReleaseOwner);
        Viewer = await Host.ApiClientAsync(Role.Viewer);
        using var admin = await Host.ApiClientAsync(Role.Admin);
        foreach (var (area, user) in new[] { ("Product", "oncall"), ("Engineering", "oncall2"), ("Qa", "owner") })
        {
            (await admin.PutAsJsonAsync("/api/launches/duties", new { area, userIds = new[] { user } })).EnsureSuccessStatusCode();
        }

        _hub = await Host.ConnectHubAsync(await Host.CreateApiKeyAsync(Role.Viewer));
        _hub.On<LiveEvent>("event", e =>
        {
            _seen.Enqueue(e);
            if (e.Kind == LaunchActions.Completed)
            {
                Completed.TrySetResult(e);
            }
        });
        await _hub.InvokeAsync("Subscribe", Topics.Launches);

        await SlotAsync();
        await ShadowedAsync(ReleaseOwner, Scope, "v2");
        var created = await ReleaseOwner.PostAsJsonAsync("/api/launches", new { releaseId = $"{Scope}-v2", expectations = Expectations });
        created.EnsureSuccessStatusCode();
        LaunchId = (await ConsoleHost.ReadAsync<LaunchView>(created)).Launch.Id;

        var token = await TokenAsync(await OkAsync(SendAsync(ReleaseOwner, new { type = "PROMOTE_CANDIDATE", scope = Scope, operator_id = "Op-01" })));
        (await SendAsync(ReleaseOwner, new { type = "PROMOTE_CANDIDATE", scope = Scope, operator_id = "Op-01", confirmation_token = token })).EnsureSuccessStatusCode();
        await OkAsync(ReleaseOwner.PostAsync($"/api/launches/{LaunchId}/config", new StringContent(Config(), Encoding.UTF8, "text/plain")));
        foreach (var step in new[] { "first-publish", "probes", "live-fetch" })
        {
            await OkAsync(ReleaseOwner.PostAsync($"/api/launches/{LaunchId}/{step}", null));
        }

        var ran = await ConsoleHost.ReadAsync<LaunchView>(await ReleaseOwner.GetAsync($"/api/launches/{LaunchId}"));
        var failed = ran.Launch.Steps.Where(s => s.State == LaunchStepState.Failed).SelectMany(s => s.Checks ?? []).Where(c => !c.Passed).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException("Steps failed: " + string.Join(" | ", failed.Select(c => $"{c.Name}: {c.Detail}")));
        }

        foreach (var (area, user, password) in new[] { ("Product", "oncall", "demo-oncall"), ("Engineering", "oncall2", "demo-oncall2"), ("Qa", "owner", "demo-owner") })
        {
            using var person = await SignedInAsync(user, password);
            await OkAsync(person.PostAsJsonAsync($"/api/launches/{LaunchId}/sign-offs", new { area, statement = $"{area}: go for {Scope}." }));
        }

        Archived = await OkAsync(ReleaseOwner.PostAsync($"/api/launches/{LaunchId}/archive", null));
        BundleJson = await Archived.Content.ReadAsStringAsync();
    }

    /// <summary>The response when it succeeded; otherwise a failure naming what the console answered, to see which step broke.</summary>
    private static async Task<HttpResponseMessage> OkAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        return response.IsSuccessStatusCode
            ? response
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<HttpClient> SignedInAsync(string user, string password)
    {
        var client = await HostClients.SignedInClientAsync(Host, user, password);
        client.DefaultRequestHeaders.Add("X-OC-Request", "1");
        return client;
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        ReleaseOwner.Dispose();
        Viewer.Dispose();
        Host.Dispose();
    }

    /// <summary>A passing rollback drill on the demo's drill slot and a drill of every global switch, as an operator would.</summary>
    private async Task ClearGateAsync()
    {
        var rollbacks = Host.Service<RollbackService>();
        var run = await rollbacks.StartAsync(Actor.System, "model-slot-a", drill: true);
        await rollbacks.ConfirmTargetsAsync(Actor.System, run.Id);
        var request = await rollbacks.RequestRebindAsync(Actor.System, run.Id);
        await rollbacks.ConfirmRebindAsync(Actor.System, run.Id, request.Token);
        await rollbacks.VerifyChecksumsAsync(Actor.System, run.Id);
        var drill = await rollbacks.ProbeAsync(Actor.System, run.Id);
        if (drill.Outcome?.Passed != true)
        {
            throw new InvalidOperationException($"The demo rollback drill did not pass: {drill.Outcome?.Summary}");
        }

        var switches = Host.Service<KillSwitchService>();
        foreach (var s in switches.List().Where(s => s.Scope == KillSwitch.GlobalScope))
        {
            await switches.DrillAsync(Actor.System, s.Key, s.Scope, "launch-day drill");
        }
    }

    /// <summary>A slot like the demo's: its resolver, rules and pack served by the console's own demo resolver.</summary>
    private async Task SlotAsync()
    {
        var scopes = Host.Service<ScopeService>();
        await scopes.CreateAsync(Actor.System, new ScopeDefinition(Scope, Scope, null, false, $"/demo/resolver/{Scope}", $"/demo/rules/{Scope}", $"/demo/resolver/{Scope}/pack"));
        var manifest = Encoding.UTF8.GetBytes($"{{\"id\":\"{Scope}-v1\"}}");
        var pack = Encoding.UTF8.GetBytes("{\"rules\":[\"glass\"]}");
        await scopes.RegisterManifestAsync(Actor.System, Scope, new ManifestInput(
            $"{Scope}-v1", "v1", Checksums.Sha256(manifest), Checksums.Sha256(pack), null, null, null, manifest, pack, null, null));
        var request = await scopes.RequestRebindAsync(Actor.System, Scope, $"{Scope}-v1");
        await scopes.RebindAsync(Actor.System, request.Token, Scope, $"{Scope}-v1", "test slot");
    }
}
