using OperatorConsole.Core.Rollback;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Rollback;

public sealed class DrillProofTests : IAsyncLifetime
{
    private RollbackScene _scene = null!;

    public async Task InitializeAsync() => _scene = await RollbackScene.CreateAsync(drillTarget: true);

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Proof_NoDrill_Unproven()
    {
        var proof = _scene.Store.Objective.Proof();

        Assert.False(proof.Proven);
        Assert.Contains("no passing drill", proof.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(89, true)]
    [InlineData(91, false)]
    public async Task Proof_PassingDrillDaysAgo_ProvenOnlyWithinNinetyDays(int daysLater, bool proven)
    {
        var drill = await PassingDrillAsync();
        _scene.Clock.Now += TimeSpan.FromDays(daysLater);

        var global = _scene.Store.Objective.Proof();
        var scope = _scene.Store.Objective.Proof(ScopeScene.ScopeId);

        Assert.Equal((proven, proven), (global.Proven, scope.Proven));
        Assert.Equal(proven ? drill.Id : null, global.LatestPassingDrill?.Id);
    }

    [Fact]
    public async Task Proof_OnlyAMissedDrill_Unproven()
    {
        var run = await _scene.Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId, drill: true);
        var done = await _scene.WalkAsync(run, TimeSpan.FromMinutes(16), TimeSpan.Zero);

        Assert.True(done.Drill);
        Assert.False(done.Outcome!.Passed);
        Assert.False(_scene.Store.Objective.Proof().Proven);
    }

    [Fact]
    public async Task Proof_OtherScope_UnprovenByThisScopesDrill()
    {
        await PassingDrillAsync();

        Assert.False(_scene.Store.Objective.Proof("baseline").Proven);
    }

    private async Task<RollbackRun> PassingDrillAsync()
    {
        var run = await _scene.Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId, drill: true);
        var done = await _scene.WalkAsync(run, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(2));
        Assert.True(done.Outcome!.Passed);
        return done;
    }
}
