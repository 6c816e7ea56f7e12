using OperatorConsole.Core.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Lockdown;

/// <summary>Turning a protective switch off (away from its safe state) is the guarded action disable-protective-switch.</summary>
public sealed class ProtectiveSwitchTests : IAsyncLifetime
{
    private const string Why = "pack replaced, resume publishing";
    private LockdownScene _scene = null!;

    public async Task InitializeAsync() => _scene = await LockdownScene.CreateAsync();

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TurnOff_ProtectiveWithoutToken_NeedsConfirmationAndStaysOn()
    {
        await Assert.ThrowsAsync<ConfirmationRequiredException>(() =>
            _scene.Store.KillSwitches.FlipAsync(TestActors.Omar, LockdownScene.Protective, null, on: false, Why));

        Assert.True(_scene.Store.KillSwitches.Get(LockdownScene.Protective)!.On);
    }

    [Fact]
    public async Task TurnOff_ProtectiveWithToken_FlipsOnceAndTheTokenIsUsedUp()
    {
        var switches = _scene.Store.KillSwitches;
        var request = await switches.RequestDisableAsync(TestActors.Omar, LockdownScene.Protective, null, Why);

        var flip = await switches.FlipAsync(TestActors.Omar, LockdownScene.Protective, null, on: false, Why, confirmationToken: request.Token);
        await switches.FlipAsync(TestActors.Omar, LockdownScene.Protective, null, on: true, "contain again");

        Assert.False(flip.Switch.On);
        await Assert.ThrowsAsync<ConflictException>(() =>
            switches.FlipAsync(TestActors.Omar, LockdownScene.Protective, null, on: false, Why, confirmationToken: request.Token));
        Assert.True(switches.Get(LockdownScene.Protective)!.On);
    }

    [Fact]
    public async Task TurnOff_ProtectiveWithTokenForAnotherReason_Refused()
    {
        var switches = _scene.Store.KillSwitches;
        var request = await switches.RequestDisableAsync(TestActors.Omar, LockdownScene.Protective, null, Why);

        await Assert.ThrowsAsync<ConflictException>(() =>
            switches.FlipAsync(TestActors.Omar, LockdownScene.Protective, null, on: false, "something else", confirmationToken: request.Token));

        Assert.True(switches.Get(LockdownScene.Protective)!.On);
    }

    [Fact]
    public async Task Edit_AdminMarksPlainSwitchProtective_TurningOffThenNeedsToken()
    {
        var switches = _scene.Store.KillSwitches;
        await switches.EditAsync(TestActors.Admin, LockdownScene.Plain, null, "AI lane off", defaultOn: false, protective: true);
        await switches.FlipAsync(TestActors.Omar, LockdownScene.Plain, null, on: true, "contain");

        await Assert.ThrowsAsync<ConfirmationRequiredException>(() => switches.FlipAsync(TestActors.Omar, LockdownScene.Plain, null, on: false, Why));
    }
}
