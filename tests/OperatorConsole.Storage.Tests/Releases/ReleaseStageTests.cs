using OperatorConsole.Core.Common;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Releases;

public sealed class ReleaseStageTests : IAsyncLifetime
{
    private ReleaseScene _scene = null!;

    public async Task InitializeAsync() => _scene = await ReleaseScene.CreateAsync();

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Register_NewVersion_StagingReleaseWhoseManifestIsAScopeCandidateWithRealChecksums()
    {
        var release = await _scene.RegisterAsync();

        Assert.Equal((ReleaseStage.Registered, ReleaseEnvironment.Staging, 1000), (release.Stage, release.Environment, release.ShadowTarget));
        Assert.Contains(ReleaseScene.ReleaseId, _scene.Store.Scopes.Detail(ScopeScene.ScopeId).Candidates.Select(c => c.Id));
        var report = await _scene.Store.Scopes.VerifyAsync(ReleaseScene.ReleaseId);
        Assert.All(report.Checks, c => Assert.Equal(c.Expected, c.Actual));
        Assert.Contains(_scene.Store.Ledger, e => e.Action == "release.register" && e.Subject == $"release:{ReleaseScene.ReleaseId}");
    }

    [Fact]
    public async Task Register_SameVersionTwice_ConflictAndOneRelease()
    {
        await _scene.RegisterAsync();

        await Assert.ThrowsAsync<ConflictException>(() => _scene.RegisterAsync());

        Assert.Single(_scene.Releases.List(ScopeScene.ScopeId));
    }

    [Fact]
    public async Task Register_UnknownScope_NotFound()
    {
        var ex = await Assert.ThrowsAsync<NotFoundException>(() =>
            _scene.Releases.RegisterAsync(TestActors.Rita, new ReleaseInput("atlantis", "v1", null, null, null, null, null)));

        Assert.Contains("atlantis", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ByOnCall_DeniedAndLedgered()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _scene.Releases.RegisterAsync(TestActors.Omar, new ReleaseInput(null, "v9", null, null, null, null, null)));

        Assert.Contains(_scene.Store.Ledger, e => e.Action == "release.register" && e.Outcome == "denied");
        Assert.Empty(_scene.Releases.List());
    }

    [Fact]
    public async Task SetCandidate_UnknownVersion_NotFoundNamingIt()
    {
        var ex = await Assert.ThrowsAsync<NotFoundException>(() => _scene.Releases.SetCandidateAsync(TestActors.Rita, null, "M-Nope"));

        Assert.Contains("M-Nope", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetCandidate_WhileAnotherIsCandidate_ConflictOnlyOnePerScope()
    {
        await _scene.RegisterAsync();
        await _scene.RegisterAsync("M-Sorter-V5");
        await _scene.Releases.SetCandidateAsync(TestActors.Rita, null, ReleaseScene.Version);

        var ex = await Assert.ThrowsAsync<ConflictException>(() => _scene.Releases.SetCandidateAsync(TestActors.Rita, null, "M-Sorter-V5"));

        Assert.Contains("Only one candidate per scope", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ReleaseStage.Registered, _scene.Releases.Find(null, "M-Sorter-V5").Stage);
    }

    [Fact]
    public async Task ShadowReport_CountsTowardTheTarget_AndKeepsTheMetrics()
    {
        await _scene.RegisterAsync();
        await _scene.Releases.SetCandidateAsync(TestActors.Rita, null, ReleaseScene.Version, ReleaseScene.ShadowTarget);

        await _scene.Releases.ReportShadowCyclesAsync(TestActors.Omar, null, 4);
        var release = await _scene.Releases.ReportShadowCyclesAsync(TestActors.Omar, null, 3, new Dictionary<string, double> { ["survival_rate"] = 0.97 });

        Assert.Equal((7L, false), (release.ShadowCycles, release.ShadowComplete));
        Assert.Equal(0.97, release.LastShadowReport!.Metrics["survival_rate"]);
    }

    [Fact]
    public async Task ShadowReport_WithoutCandidate_Conflict()
    {
        await _scene.RegisterAsync();

        await Assert.ThrowsAsync<ConflictException>(() => _scene.Releases.ReportShadowCyclesAsync(TestActors.Omar, null, 5));
    }

    [Fact]
    public async Task Retire_Candidate_FreesTheScopeForAnotherCandidate()
    {
        await _scene.RegisterAsync();
        await _scene.RegisterAsync("M-Sorter-V5");
        await _scene.Releases.SetCandidateAsync(TestActors.Rita, null, ReleaseScene.Version);

        await _scene.Releases.RetireAsync(TestActors.Rita, null, ReleaseScene.Version, "worse than v3 in shadow");
        var next = await _scene.Releases.SetCandidateAsync(TestActors.Rita, null, "M-Sorter-V5");

        Assert.Equal(ReleaseStage.Candidate, next.Stage);
        Assert.Equal(ReleaseStage.Retired, _scene.Releases.Find(null, ReleaseScene.Version).Stage);
    }
}
