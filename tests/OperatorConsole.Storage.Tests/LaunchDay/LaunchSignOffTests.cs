using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.LaunchDay;

/// <summary>Sign-off is refused in Core while the gate holds, by the wrong person, twice by one person, and after a change.</summary>
public sealed class LaunchSignOffTests : IAsyncLifetime
{
    private static readonly Core.Common.Actor Omar = TestActors.Omar;
    private static readonly Core.Common.Actor Olga = TestActors.Olga;
    private static readonly Core.Common.Actor Ines = TestActors.Ines;
    private LaunchScene _scene = null!;

    private string Id => _scene.Launch.Id;

    public async Task InitializeAsync()
    {
        _scene = await LaunchScene.CreateAsync();
        await _scene.AssignDutiesAsync();
    }

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SignOff_DutyHolderWithEverythingPassed_RecordedWithNameAndStatement()
    {
        await _scene.ReadyForSignOffAsync();

        var launch = await _scene.Launches.SignOffAsync(Omar, Id, SignOffArea.Product, "Product checked the copy and the rollout plan.");

        var signOff = Assert.Single(launch.SignOffs);
        Assert.Equal((SignOffArea.Product, "omar", "Omar On-call", "Product checked the copy and the rollout plan.", _scene.Clock.Now),
            (signOff.Area, signOff.UserId, signOff.UserName, signOff.Statement, signOff.At));
        Assert.Equal(LaunchActions.SignOff, _scene.Store.Ledger.Single(e => e.Sequence == signOff.LedgerSequence).Action);
    }

    [Fact]
    public async Task SignOff_GateHolds_RefusedWithTheReasonsAndDenialLedgered()
    {
        await _scene.ReadyForSignOffAsync();
        var stalePack = _scene.Store.AlertRules.List().Single(r => r.Class == IncidentClass.StalePackBreach);
        await _scene.Store.AlertRules.DeleteAsync(TestActors.Admin, stalePack.Id);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => _scene.Launches.SignOffAsync(Omar, Id, SignOffArea.Product, "Looks fine."));

        Assert.StartsWith("NO-GO", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Stale-pack alerting absent", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_scene.Launches.Get(Id).SignOffs);
        Assert.Equal(LedgerOutcome.Denied, _scene.Store.Ledger[^1].Outcome);
    }

    [Fact]
    public async Task SignOff_StepsNotPassed_Refused()
    {
        var refused = await Assert.ThrowsAsync<ConflictException>(() => _scene.Launches.SignOffAsync(Omar, Id, SignOffArea.Product, "Early."));

        Assert.Contains("Steps 1–4 must pass", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_scene.Launches.Get(Id).SignOffs);
    }

    [Fact]
    public async Task SignOff_UserWithoutTheDuty_AccessDenied()
    {
        await _scene.ReadyForSignOffAsync();

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.Launches.SignOffAsync(Omar, Id, SignOffArea.Engineering, "I am not engineering."));

        Assert.Contains("does not hold the Engineering sign-off duty", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_scene.Launches.Get(Id).SignOffs);
    }

    [Fact]
    public async Task SignOff_Viewer_AccessDeniedBeforeAnyOtherCheck()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.Launches.SignOffAsync(TestActors.Viewer, "no-such-launch", "nonsense", null));
    }

    [Fact]
    public async Task SignOff_SamePersonForASecondArea_Refused()
    {
        await _scene.ReadyForSignOffAsync();
        await _scene.Launches.SignOffAsync(Olga, Id, SignOffArea.Engineering, "Engineering is satisfied.");

        var refused = await Assert.ThrowsAsync<ConflictException>(() => _scene.Launches.SignOffAsync(Olga, Id, SignOffArea.Qa, "QA too."));

        Assert.Contains("three different people", refused.Message, StringComparison.Ordinal);
        Assert.Equal(SignOffArea.Engineering, Assert.Single(_scene.Launches.Get(Id).SignOffs).Area);
    }

    [Fact]
    public async Task SignOff_ConfigSubmittedAgainAfterwards_SignOffsInvalidatedWithWhy()
    {
        await _scene.ReadyForSignOffAsync();
        await _scene.Launches.SignOffAsync(Omar, Id, SignOffArea.Product, "Product is satisfied.");
        using var watcher = _scene.Store.Broadcaster.Subscribe(Core.Live.Topics.Launch(Id));

        var launch = await _scene.Launches.SubmitConfigAsync(TestActors.Rita, Id, LaunchScene.Config, "env");

        var signOff = Assert.Single(launch.SignOffs);
        Assert.Equal(_scene.Clock.Now, signOff.InvalidatedAt);
        Assert.Contains("ConfigVerified", signOff.InvalidatedBecause, StringComparison.Ordinal);
        Assert.Empty(launch.ValidSignOffs);
        Assert.Contains(_scene.Store.Ledger, e => e.Action == LaunchActions.SignOffsInvalidated);
        Assert.True(watcher.Reader.TryRead(out var published));
        Assert.Equal(LaunchActions.SignOffsInvalidated, published.Kind);
    }

    [Fact]
    public async Task SignOff_AfterInvalidation_TheSamePersonMaySignAgain()
    {
        await _scene.ReadyForSignOffAsync();
        await _scene.Launches.SignOffAsync(Omar, Id, SignOffArea.Product, "First look.");
        await _scene.Launches.SetExpectationsAsync(TestActors.Rita, Id, LaunchScene.Expected);
        await _scene.Launches.SubmitConfigAsync(TestActors.Rita, Id, LaunchScene.Config, "env");

        var launch = await _scene.Launches.SignOffAsync(Omar, Id, SignOffArea.Product, "Second look.");

        Assert.Equal(2, launch.SignOffs.Count);
        Assert.Equal("Second look.", Assert.Single(launch.ValidSignOffs).Statement);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData(1001)]
    public async Task SignOff_StatementMissingOrTooLong_RefusedNamingTheFieldAndNothingChanges(object? statement)
    {
        await _scene.ReadyForSignOffAsync();
        var before = _scene.Launches.Get(Id);
        var text = statement is int length ? new string('x', length) : (string?)statement;

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Launches.SignOffAsync(Omar, Id, SignOffArea.Product, text));

        Assert.Contains("statement", refused.Errors.Keys);
        var after = _scene.Launches.Get(Id);
        Assert.Equal((before.Version, 0), (after.Version, after.SignOffs.Count));
    }

    [Fact]
    public async Task SetDuties_ViewerAsHolder_RefusedNamingTheUser()
    {
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Launches.SetDutiesAsync(TestActors.Admin, SignOffArea.Qa, ["vera"]));

        Assert.Contains("vera", refused.Errors["userIds"][0], StringComparison.Ordinal);
        Assert.Equal(["ines", "olga"], _scene.Launches.Duties().UserIds[SignOffArea.Qa]);
    }

    [Fact]
    public async Task SetDuties_NotAnAdmin_AccessDenied()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.Launches.SetDutiesAsync(TestActors.Rita, SignOffArea.Qa, ["omar"]));
    }

    [Fact]
    public async Task View_DutyHolderBeforeTheSteps_SignOffNotAllowedWithTheReason()
    {
        var view = _scene.Launches.View(Ines, Id);

        Assert.False(view.SignOffs[SignOffArea.Qa].Allowed);
        Assert.Contains("Steps 1–4 must pass", view.SignOffs[SignOffArea.Qa].Reason, StringComparison.Ordinal);
        Assert.Contains("does not hold the Product", view.SignOffs[SignOffArea.Product].Reason, StringComparison.Ordinal);
        Assert.False(view.Archive.Allowed);
    }
}
