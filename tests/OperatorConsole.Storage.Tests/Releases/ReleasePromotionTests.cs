using OperatorConsole.Core.Common;
using OperatorConsole.Core.Releases;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Releases;

public sealed class ReleasePromotionTests : IAsyncLifetime
{
    private ReleaseScene _scene = null!;

    public async Task InitializeAsync() => _scene = await ReleaseScene.CreateAsync();

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Promote_WithoutCanary_PreviousActiveBecomesLastKnownGoodAndReleaseIsInProduction()
    {
        await _scene.ShadowedAsync();

        var promoted = await _scene.PromoteAsync();

        var active = _scene.Store.Scopes.Active(ScopeScene.ScopeId);
        Assert.Equal((ReleaseScene.ReleaseId, ScopeScene.V1), (active.Active.Id, active.LastKnownGood!.Id));
        Assert.Equal((ReleaseStage.Promoted, ReleaseEnvironment.Production), (promoted.Stage, promoted.Environment));
        Assert.Contains(_scene.Store.Ledger, e => e.Action == "release.promote" && e.Payload.Contains("Op-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Promote_ThenPostDeployCheck_ProbesTheResolverAndPassesWhenItServesTheRelease()
    {
        await _scene.ShadowedAsync();

        var promoted = await _scene.PromoteAsync();

        Assert.NotNull(promoted.PostDeployCheck);
        Assert.True(promoted.PostDeployCheck!.Passed, promoted.PostDeployCheck.Summary);
        Assert.Equal(200, promoted.PostDeployCheck.StatusCode);
        Assert.Contains(ReleaseScene.ReleaseId, promoted.PostDeployCheck.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_ByAdmin_AllowedLikeAReleaseOwner()
    {
        await _scene.ShadowedAsync();

        var request = await _scene.Releases.RequestPromoteAsync(TestActors.Admin, null);
        var promoted = await _scene.Releases.PromoteAsync(TestActors.Admin, request.Token, null);

        Assert.Equal(ReleaseStage.Promoted, promoted.Stage);
    }

    [Fact]
    public async Task Promote_ByOnCall_DeniedEvenThoughOnCallMayRollBack()
    {
        await _scene.ShadowedAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.Releases.RequestPromoteAsync(TestActors.Omar, null));
    }

    [Fact]
    public async Task Promote_TokenOfAnotherReleaseOwner_RefusedAndNothingChanged()
    {
        await _scene.ShadowedAsync();
        var request = await _scene.Releases.RequestPromoteAsync(TestActors.Rita, null);
        var rui = new Actor("rui", "Rui Release-owner", Role.ReleaseOwner);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.Releases.PromoteAsync(rui, request.Token, null));

        Assert.Equal(ScopeScene.V1, _scene.Store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
        Assert.Equal(ReleaseStage.Candidate, _scene.Releases.Find(null, ReleaseScene.Version).Stage);
    }

    [Fact]
    public async Task Promote_ReplayedToken_Conflict()
    {
        await _scene.ShadowedAsync();
        var request = await _scene.Releases.RequestPromoteAsync(TestActors.Rita, null);
        await _scene.Releases.PromoteAsync(TestActors.Rita, request.Token, null);

        await Assert.ThrowsAsync<ConflictException>(() => _scene.Releases.PromoteAsync(TestActors.Rita, request.Token, null));
    }

    [Fact]
    public async Task Promote_NextVersion_RetiresThePreviouslyPromotedRelease()
    {
        await _scene.ShadowedAsync();
        await _scene.PromoteAsync();
        await _scene.RegisterAsync("M-Sorter-V5");
        await _scene.Releases.SetCandidateAsync(TestActors.Rita, null, "M-Sorter-V5", 1);
        await _scene.Releases.ReportShadowCyclesAsync(TestActors.Omar, null, 1);

        await _scene.PromoteAsync();

        Assert.Equal(ReleaseStage.Retired, _scene.Releases.Find(null, ReleaseScene.Version).Stage);
        Assert.Equal(ReleaseScene.ReleaseId, _scene.Store.Scopes.Active(ScopeScene.ScopeId).LastKnownGood!.Id);
    }

    [Fact]
    public async Task Rollback_ByOnCallAfterPromotion_RebindsLastKnownGoodAndMarksTheReleaseRolledBack()
    {
        await _scene.ShadowedAsync();
        await _scene.PromoteAsync();

        var request = await _scene.Releases.RequestRollbackAsync(TestActors.Omar, null);
        await _scene.Releases.RollbackAsync(TestActors.Omar, request.Token, null, "survival rate dropped", "Op-02");

        Assert.Equal(ScopeScene.V1, _scene.Store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
        var release = _scene.Releases.Find(null, ReleaseScene.Version);
        Assert.Equal((ReleaseStage.RolledBack, ReleaseEnvironment.Staging), (release.Stage, release.Environment));
        await Assert.ThrowsAsync<ConflictException>(() => _scene.Releases.RequestRollbackAsync(TestActors.Omar, null));
    }

    [Fact]
    public async Task Rollback_InLockdown_StillWorks()
    {
        await _scene.ShadowedAsync();
        await _scene.PromoteAsync();
        await _scene.Store.Lockdown.EngageAsync(TestActors.Omar, "model serving garbage");

        var request = await _scene.Releases.RequestRollbackAsync(TestActors.Omar, null);
        await _scene.Releases.RollbackAsync(TestActors.Omar, request.Token, null, null);

        Assert.Equal(ScopeScene.V1, _scene.Store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
    }

    [Fact]
    public async Task Promoted_ThenRolledBackFromTheScopeOrARollbackRun_ReleaseStagesFollowThePointer()
    {
        await _scene.ShadowedAsync();
        await _scene.PromoteAsync();

        await ScopeScene.RebindAsync(_scene.Store, ScopeScene.V1, "rollback step 3: back to the last known good");

        var release = _scene.Releases.Get(ReleaseScene.ReleaseId);
        Assert.Equal((ReleaseStage.RolledBack, ReleaseEnvironment.Staging), (release.Stage, release.Environment));
        Assert.Equal(ScopeScene.V1, _scene.Store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
        Assert.Contains(_scene.Store.Ledger, e => e.Action == "release.rollback" && e.Payload.Contains("rollback step 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegisteredRelease_BoundFromTheScopePage_IsInProduction()
    {
        await _scene.RegisterAsync();

        await ScopeScene.RebindAsync(_scene.Store, ReleaseScene.ReleaseId, "bound by hand");

        var release = _scene.Releases.Get(ReleaseScene.ReleaseId);
        Assert.Equal((ReleaseStage.Promoted, ReleaseEnvironment.Production), (release.Stage, release.Environment));
        Assert.NotNull(release.PromotedAt);
    }
}
