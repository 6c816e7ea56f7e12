using OperatorConsole.Core.Common;
using OperatorConsole.Core.Releases;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Releases;

/// <summary>Shadow target gating, canary bounds and the lockdown gate: refusals change nothing.</summary>
public sealed class ReleaseGatingTests : IAsyncLifetime
{
    private ReleaseScene _scene = null!;

    public async Task InitializeAsync() => _scene = await ReleaseScene.CreateAsync();

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Promote_BeforeShadowTarget_RefusedAsStageSkipped()
    {
        await _scene.RegisterAsync();
        await _scene.Releases.SetCandidateAsync(TestActors.Rita, null, ReleaseScene.Version, ReleaseScene.ShadowTarget);
        await _scene.Releases.ReportShadowCyclesAsync(TestActors.Omar, null, ReleaseScene.ShadowTarget - 1);

        var ex = await Assert.ThrowsAsync<ConflictException>(() => _scene.Releases.RequestPromoteAsync(TestActors.Rita, null));

        Assert.Contains("Stage skipped", ex.Message, StringComparison.Ordinal);
        Assert.Contains("9 of 10 shadow cycles", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ScopeScene.V1, _scene.Store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
    }

    [Fact]
    public async Task SetCanaryRatio_BeforeShadowTarget_RefusedAsStageSkipped()
    {
        await _scene.RegisterAsync();
        await _scene.Releases.SetCandidateAsync(TestActors.Rita, null, ReleaseScene.Version, ReleaseScene.ShadowTarget);

        await Assert.ThrowsAsync<ConflictException>(() => _scene.Releases.SetCanaryRatioAsync(TestActors.Rita, null, 0.05));

        Assert.Equal(ReleaseStage.Candidate, _scene.Releases.Find(null, ReleaseScene.Version).Stage);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    public async Task SetCanaryRatio_OutsideZeroToOne_RefusedOnTheRatioFieldAndNothingChanged(double ratio)
    {
        await _scene.ShadowedAsync();

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Releases.SetCanaryRatioAsync(TestActors.Rita, null, ratio));

        Assert.True(ex.Errors.ContainsKey("ratio"));
        var release = _scene.Releases.Find(null, ReleaseScene.Version);
        Assert.Equal((ReleaseStage.Candidate, (double?)null), (release.Stage, release.CanaryRatio));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(1.0)]
    public async Task SetCanaryRatio_WithinBoundsAfterShadow_MovesToCanary(double ratio)
    {
        await _scene.ShadowedAsync();

        var release = await _scene.Releases.SetCanaryRatioAsync(TestActors.Rita, null, ratio);

        Assert.Equal((ReleaseStage.Canary, (double?)ratio), (release.Stage, release.CanaryRatio));
    }

    [Fact]
    public async Task Promote_InLockdown_RefusedEvenWithATokenAskedBefore()
    {
        await _scene.ShadowedAsync();
        var request = await _scene.Releases.RequestPromoteAsync(TestActors.Rita, null);
        await _scene.Store.Lockdown.EngageAsync(TestActors.Omar, "model serving garbage");

        await Assert.ThrowsAsync<LockedDownException>(() => _scene.Releases.PromoteAsync(TestActors.Rita, request.Token, null));
        await Assert.ThrowsAsync<LockedDownException>(() => _scene.Releases.RequestPromoteAsync(TestActors.Rita, null));
        await Assert.ThrowsAsync<LockedDownException>(() => _scene.Releases.SetCanaryRatioAsync(TestActors.Rita, null, 0.1));

        Assert.Equal(ScopeScene.V1, _scene.Store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
        Assert.Equal(ReleaseStage.Candidate, _scene.Releases.Find(null, ReleaseScene.Version).Stage);
        Assert.Contains(_scene.Store.Ledger, e => e.Action == "release.promote" && e.Outcome == "denied");
    }
}
