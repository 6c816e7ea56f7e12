using System.Net;
using System.Net.Http.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Scopes;

public sealed class RollbackApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Rollback_SeededBadPorto_AllSixStepsAgainstTheDemoResolverAndObjectiveMet()
    {
        using var onCall = await host.ApiClientAsync(Role.OnCall);

        using var started = await onCall.PostAsJsonAsync("/api/rollbacks", new { scope = "porto" });
        started.EnsureSuccessStatusCode();
        var id = (await ConsoleHost.ReadAsync<RollbackView>(started)).Run.Id;
        var targets = await PostAsync(onCall, $"/api/rollbacks/{id}/confirm-targets");
        using var requested = await onCall.PostAsync($"/api/rollbacks/{id}/rebind/request", null);
        var token = (await ConsoleHost.ReadAsync<GuardedRequest>(requested)).Token;
        var rebound = await PostAsync(onCall, $"/api/rollbacks/{id}/rebind", new { token });
        var verified = await PostAsync(onCall, $"/api/rollbacks/{id}/verify-checksums");
        var done = await PostAsync(onCall, $"/api/rollbacks/{id}/probe");

        Assert.Contains("porto-2026.11.22", targets.Run.Step(RollbackSteps.ConfirmTargets).Probes[0].BodyExcerpt, StringComparison.Ordinal);
        Assert.NotNull(rebound.Run.SafeStateAt);
        Assert.Equal(TimerStatus.Met, rebound.SafeState.Status);
        Assert.Equal(["manifest", "pack", "pack read back"], verified.Run.Step(RollbackSteps.Checksums).Checksums!.Checks.Where(c => c.Match).Select(c => c.Name));
        Assert.Equal(RollbackStatus.Completed, done.Run.Status);
        Assert.True(done.Run.Outcome!.Passed);
        Assert.All(done.Run.Step(RollbackSteps.Probe).Probes, p => Assert.True(p.Passed, p.Summary));
        Assert.Contains("porto-2026.11.18", await new HttpClient { BaseAddress = host.BaseAddress }.GetStringAsync("/demo/resolver/porto"), StringComparison.Ordinal);
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        var seen = await viewer.GetFromJsonAsync<RollbackView>($"/api/rollbacks/{id}", ConsoleHost.ApiJson);
        Assert.All(seen!.Run.Steps.SelectMany(s => s.Probes), p => Assert.Null(p.BodyExcerpt));
        Assert.True(seen.Run.Step(RollbackSteps.Probe).Probes.Count > 0);
    }

    [Fact]
    public async Task Start_DrillOnNonDrillScope_400AndUnknownScope_404()
    {
        using var onCall = await host.ApiClientAsync(Role.OnCall);

        using var drill = await onCall.PostAsJsonAsync("/api/rollbacks", new { scope = "baseline", drill = true });
        using var unknown = await onCall.PostAsJsonAsync("/api/rollbacks", new { scope = "nowhere" });

        Assert.Equal(HttpStatusCode.BadRequest, drill.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Objective_FreshConsole_Unproven()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        var proof = await viewer.GetFromJsonAsync<ObjectiveProof>("/api/rollbacks/objective?scope=model-slot-a", ConsoleHost.ApiJson);

        Assert.False(proof!.Proven);
    }

    private static async Task<RollbackView> PostAsync(HttpClient client, string url, object? body = null)
    {
        using var response = body is null ? await client.PostAsync(url, null) : await client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ConsoleHost.ReadAsync<RollbackView>(response);
    }
}
