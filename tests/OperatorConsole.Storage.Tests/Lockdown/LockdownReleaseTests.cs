using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Lockdown;

/// <summary>Release is guarded: a token, four-eyes by default (OnCall or IncidentOwner confirms), a reason.</summary>
public sealed class LockdownReleaseTests : IAsyncLifetime
{
    private const string Why = "bad pack replaced, integrity confirmed";
    private LockdownScene _scene = null!;
    private LockdownRecord _engaged = null!;

    public async Task InitializeAsync()
    {
        _scene = await LockdownScene.CreateAsync();
        _engaged = await _scene.EngageAsync();
    }

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Release_WithoutAValidToken_RefusedAndStillLockedDown()
    {
        await Assert.ThrowsAsync<ConflictException>(() => _scene.Lockdown.ConfirmReleaseAsync(TestActors.Olga, "not-a-token", Why));

        Assert.NotNull(_scene.Lockdown.Active());
        Assert.Equal((GuardedActionService.ConfirmAction, LedgerOutcome.Denied), (_scene.Store.Ledger[^1].Action, _scene.Store.Ledger[^1].Outcome));
    }

    [Fact]
    public async Task Release_RequesterConfirmsOwnRequest_RefusedUnderFourEyes()
    {
        var request = await _scene.Lockdown.RequestReleaseAsync(TestActors.Omar, Why);

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.Lockdown.ConfirmReleaseAsync(TestActors.Omar, request.Token));

        Assert.Contains("cannot approve your own request", refused.Message, StringComparison.Ordinal);
        Assert.True(request.FourEyes);
        Assert.NotNull(_scene.Lockdown.Active());
    }

    [Fact]
    public async Task Release_SecondOnCallWithToken_ReleasesAndRecordsBoth()
    {
        var request = await _scene.Lockdown.RequestReleaseAsync(TestActors.Omar, Why);
        _scene.Advance(20);

        var released = await _scene.Lockdown.ConfirmReleaseAsync(TestActors.Olga, request.Token);

        Assert.Null(_scene.Lockdown.Active());
        Assert.Equal((Why, "Omar On-call", "olga", true), (released.Release!.Reason, released.Release.RequestedByName, released.Release.ConfirmedBy, released.Release.FourEyes));
        Assert.Equal("lockdown.release", _scene.Store.Ledger[^1].Action);
        await _scene.Store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());
    }

    [Fact]
    public async Task Release_IncidentOwnerConfirmsListedRequestById_Releases()
    {
        await _scene.Lockdown.RequestReleaseAsync(TestActors.Omar, Why);
        var pending = Assert.Single(_scene.Lockdown.Active()!.PendingReleases);
        Assert.Equal((Why, "Omar On-call"), (pending.Reason, pending.RequestedByName));

        await _scene.Lockdown.ConfirmReleaseRequestAsync(TestActors.Ines, pending.RequestId);

        Assert.Null(_scene.Lockdown.Active());
        Assert.Empty(_scene.Lockdown.Get(_engaged.Id).PendingReleases);
    }

    [Fact]
    public async Task Release_RequesterConfirmsListedRequestById_Refused()
    {
        await _scene.Lockdown.RequestReleaseAsync(TestActors.Omar, Why);
        var pending = _scene.Lockdown.Active()!.PendingReleases[0];

        await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.Lockdown.ConfirmReleaseRequestAsync(TestActors.Omar, pending.RequestId));

        Assert.NotNull(_scene.Lockdown.Active());
    }

    [Fact]
    public async Task Release_ReplayedToken_RefusedAsUsed()
    {
        var request = await _scene.Lockdown.RequestReleaseAsync(TestActors.Omar, Why);
        await _scene.Lockdown.ConfirmReleaseAsync(TestActors.Olga, request.Token);
        await _scene.EngageAsync(TestActors.Olga);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => _scene.Lockdown.ConfirmReleaseAsync(TestActors.Ines, request.Token, Why));

        Assert.NotNull(_scene.Lockdown.Active());
        Assert.Contains("already used", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_ExpiredToken_Refused()
    {
        var request = await _scene.Lockdown.RequestReleaseAsync(TestActors.Omar, Why);
        _scene.Advance(121);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => _scene.Lockdown.ConfirmReleaseAsync(TestActors.Olga, request.Token));

        Assert.Contains("expired", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(_scene.Lockdown.Active());
    }

    [Fact]
    public async Task Release_DifferentReasonThanRequested_RefusedAsChangedParameters()
    {
        var request = await _scene.Lockdown.RequestReleaseAsync(TestActors.Omar, Why);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => _scene.Lockdown.ConfirmReleaseAsync(TestActors.Olga, request.Token, "because I say so"));

        Assert.Contains("parameters changed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_ByViewer_CannotEvenRequest()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.Lockdown.RequestReleaseAsync(TestActors.Viewer, Why));

        Assert.Empty(_scene.Lockdown.Active()!.PendingReleases);
    }

    [Fact]
    public async Task Release_WithoutReason_Refused()
    {
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Lockdown.RequestReleaseAsync(TestActors.Omar, ""));

        Assert.Contains("reason", refused.Errors.Keys);
    }

    [Fact]
    public async Task Release_FourEyesTurnedOffBeforeLockdown_RequesterConfirmsWithToken()
    {
        var request = await _scene.Lockdown.RequestReleaseAsync(TestActors.Omar, Why);
        await _scene.Lockdown.ConfirmReleaseAsync(TestActors.Olga, request.Token);
        await _scene.Store.GuardedActions.SetFourEyesAsync(TestActors.Admin, GuardedActionTypes.ReleaseLockdown, fourEyes: false);
        await _scene.EngageAsync();

        var second = await _scene.Lockdown.RequestReleaseAsync(TestActors.Omar, Why);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _scene.Lockdown.ConfirmReleaseRequestAsync(TestActors.Olga, _scene.Lockdown.Active()!.PendingReleases[0].RequestId));
        await _scene.Lockdown.ConfirmReleaseAsync(TestActors.Omar, second.Token);

        Assert.Null(_scene.Lockdown.Active());
        Assert.Equal(2, _scene.Lockdown.History().Count);
    }
}
