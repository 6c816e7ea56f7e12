using System.Net;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Testing;
using static OperatorConsole.Web.Tests.Releases.ModelCommandClient;

namespace OperatorConsole.Web.Tests.Releases;

/// <summary>001's whole shadow path on the seeded model slot, with API keys, exactly as the runbook sends it.</summary>
public sealed class ModelCommandsFlowTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string Slot = "model-slot-a";

    [Fact]
    public async Task ShadowPath_RegisterCandidateCyclesCanaryPromoteRollback_MovesTheSeededModelSlot()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        using var service = await host.ApiClientAsync(Role.OnCall);
        var before = host.Service<ScopeService>().Active(Slot).Active.Id;

        using var registered = await SendAsync(release, new { type = "REGISTER_MODEL", metadata = new { version = "M-MyModel-V1", framework = "onnx" } });
        using var candidate = await SendAsync(release, new { type = "SET_CANDIDATE_MODEL", version = "M-MyModel-V1" });
        using var early = await SendAsync(release, new { type = "PROMOTE_CANDIDATE", operator_id = "Op-01" });
        using var firstCycles = await SendAsync(service, new { type = "HEARTBEAT", cycles = 600 });
        using var heartbeat = await SendAsync(service, new { type = "HEARTBEAT", cycles = 400, metrics = new { survival_rate = 0.95, violation_rate = 0.002 } });
        using var canary = await SendAsync(release, new { type = "SET_CANARY_RATIO", ratio = 0.05 });
        using var asked = await SendAsync(release, new { type = "PROMOTE_CANDIDATE", operator_id = "Op-01" });
        var token = await TokenAsync(asked);
        using var promoted = await SendAsync(release, new { type = "PROMOTE_CANDIDATE", operator_id = "Op-01", confirmation_token = token });
        var active = await ConsoleHost.ReadAsync<ActiveManifest>(await release.GetAsync($"/api/scopes/{Slot}/active"));

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal("REGISTERED", (await JsonAsync(registered)).GetProperty("status").GetString());
        Assert.Equal(1000, (await JsonAsync(candidate)).GetProperty("release").GetProperty("shadow_target").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstCycles.StatusCode);
        var beat = await JsonAsync(heartbeat);
        Assert.Equal((1000, true), (beat.GetProperty("monitoring").GetProperty("shadow_cycles").GetInt32(), beat.GetProperty("monitoring").GetProperty("shadow_complete").GetBoolean()));
        Assert.Equal(0.95, beat.GetProperty("online_ml_metrics").GetProperty("metrics").GetProperty("survival_rate").GetDouble());
        Assert.Equal("NORMAL", beat.GetProperty("failure_status").GetProperty("mode").GetString());
        Assert.False(beat.GetProperty("lockdown").GetProperty("active").GetBoolean());
        Assert.Equal(0.05, (await JsonAsync(canary)).GetProperty("canary_ratio").GetDouble());
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var promotedRelease = (await JsonAsync(promoted)).GetProperty("release");
        Assert.Equal(("PROMOTED", "PRODUCTION"), (promotedRelease.GetProperty("stage").GetString(), promotedRelease.GetProperty("environment").GetString()));
        Assert.True(promotedRelease.GetProperty("post_deploy_check").GetProperty("passed").GetBoolean());
        Assert.Equal(($"{Slot}-M-MyModel-V1", before), (active.Active.Id, active.LastKnownGood!.Id));

        using var rollbackAsked = await SendAsync(service, new { type = "ROLLBACK_MODEL", operator_id = "Op-02" });
        using var rolledBack = await SendAsync(service, new { type = "ROLLBACK_MODEL", operator_id = "Op-02", confirmation_token = await TokenAsync(rollbackAsked) });
        using var after = await SendAsync(service, new { type = "HEARTBEAT" });

        Assert.Equal(HttpStatusCode.Accepted, rollbackAsked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        Assert.Equal("ROLLED_BACK", (await JsonAsync(rolledBack)).GetProperty("status").GetString());
        Assert.Equal(before, host.Service<ScopeService>().Active(Slot).Active.Id);
        Assert.Equal(JsonNull, (await JsonAsync(after)).GetProperty("candidate").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
