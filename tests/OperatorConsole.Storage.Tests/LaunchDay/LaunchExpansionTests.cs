using OperatorConsole.Core.Common;
using OperatorConsole.Core.Releases;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.LaunchDay;

/// <summary>While a launch's gate holds, ReleaseService refuses to widen the scope.</summary>
public sealed class LaunchExpansionTests : IAsyncLifetime
{
    private LaunchScene _scene = null!;

    public async Task InitializeAsync() => _scene = await LaunchScene.CreateAsync();

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Promote_LaunchReleaseWhileSwitchesUntested_RefusedWithTheGatesReasons()
    {
        await _scene.PassingDrillAsync();

        var refused = await Assert.ThrowsAsync<ConflictException>(_scene.PromoteAsync);

        Assert.StartsWith("NO-GO", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Kill switches undefined or untested", refused.Message, StringComparison.Ordinal);
        Assert.NotEqual(LaunchScene.ReleaseId, _scene.Store.Scopes.Active("porto").Active.Id);
    }

    [Fact]
    public async Task Promote_LaunchReleaseWhileOnlyTheScopeIsUnvalidated_Allowed()
    {
        await _scene.ClearGateButProbesAsync();

        await _scene.PromoteAsync();

        Assert.Equal(LaunchScene.ReleaseId, _scene.Store.Scopes.Active("porto").Active.Id);
    }

    [Fact]
    public async Task Promote_AnotherReleaseWhileTheScopeIsUnvalidated_Refused()
    {
        await _scene.ClearGateButProbesAsync();
        await _scene.Store.Releases.RetireAsync(TestActors.Rita, null, LaunchScene.Version, "superseded");
        await _scene.Store.Releases.RegisterAsync(TestActors.Rita, new ReleaseInput(null, "M-Sorter-V5", null, null, null, null, null));
        await _scene.Store.Releases.SetCandidateAsync(TestActors.Rita, null, "M-Sorter-V5", 1);
        await _scene.Store.Releases.ReportShadowCyclesAsync(TestActors.Omar, null, 1);

        var refused = await Assert.ThrowsAsync<ConflictException>(_scene.PromoteAsync);

        Assert.Contains("Scope cannot be validated in production", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetCanary_WiderWhileNoGo_Refused()
    {
        var refused = await Assert.ThrowsAsync<ConflictException>(() => _scene.Store.Releases.SetCanaryRatioAsync(TestActors.Rita, null, 0.05));

        Assert.StartsWith("NO-GO", refused.Message, StringComparison.Ordinal);
        Assert.Null(_scene.Store.Releases.Get(LaunchScene.ReleaseId).CanaryRatio);
    }
}
