using OperatorConsole.Core.Common;
using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Lockdown;

public sealed class FailureStatusTests : IDisposable
{
    private const string Why = "root cause fixed, probes green";
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TestStore _store;

    public FailureStatusTests() => _store = new TestStore(_clock);

    public void Dispose() => _store.Dispose();

    private FailureStatusService Status => _store.FailureStatus;

    [Fact]
    public async Task Report_ByOnCall_HoldsModeWhoSinceAndReport()
    {
        var state = await Status.ReportAsync(TestActors.Omar, new("FAIL_CLOSED", "AI lane unstable", "FR-7", null));

        Assert.Equal(("FAIL_CLOSED", "Omar On-call", _clock.Now, "FR-7"), (state.Mode, state.ReportedBy, state.Since, state.ReportId));
        Assert.Equal(state, Status.Current());
    }

    [Theory]
    [InlineData("NORMAL")]
    [InlineData("fail closed")]
    [InlineData("")]
    public async Task Report_BadMode_RefusedAndStillNormal(string mode)
    {
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => Status.ReportAsync(TestActors.Omar, new(mode, "x", null, null)));

        Assert.Contains("mode", refused.Errors.Keys);
        Assert.True(Status.Current().IsNormal);
    }

    [Fact]
    public async Task Reset_WithoutToken_RefusedAndFailureStays()
    {
        await Status.ReportAsync(TestActors.Omar, new("DEGRADED", "slow", null, null));

        await Assert.ThrowsAsync<ConflictException>(() => Status.ResetAsync(TestActors.Omar, null, Why));

        Assert.Equal("DEGRADED", Status.Current().Mode);
    }

    [Fact]
    public async Task Reset_WithToken_ReturnsToNormalOnce()
    {
        await Status.ReportAsync(TestActors.Omar, new("DEGRADED", "slow", null, null));
        var request = await Status.RequestResetAsync(TestActors.Omar, Why);

        var state = await Status.ResetAsync(TestActors.Omar, request.Token, Why);

        Assert.True(state.IsNormal);
        Assert.Equal("failure-status.reset", _store.Ledger[^1].Action);
        await Status.ReportAsync(TestActors.Omar, new("DEGRADED", "slow again", null, null));
        await Assert.ThrowsAsync<ConflictException>(() => Status.ResetAsync(TestActors.Omar, request.Token, Why));
        Assert.Equal("DEGRADED", Status.Current().Mode);
    }

    [Fact]
    public async Task Reset_AfterANewerReport_TokenRefusedAsStale()
    {
        await Status.ReportAsync(TestActors.Omar, new("DEGRADED", "slow", null, null));
        var request = await Status.RequestResetAsync(TestActors.Omar, Why);
        await Status.ReportAsync(TestActors.Olga, new("FAIL_CLOSED", "worse now", null, null));

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Status.ResetAsync(TestActors.Omar, request.Token, Why));

        Assert.Contains("parameters changed", refused.Message, StringComparison.Ordinal);
        Assert.Equal("FAIL_CLOSED", Status.Current().Mode);
    }

    [Fact]
    public async Task Reset_SomeoneElsesToken_Refused()
    {
        await Status.ReportAsync(TestActors.Omar, new("DEGRADED", "slow", null, null));
        var request = await Status.RequestResetAsync(TestActors.Omar, Why);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Status.ResetAsync(TestActors.Olga, request.Token, Why));

        Assert.Equal("DEGRADED", Status.Current().Mode);
    }

    [Fact]
    public async Task RequestReset_WhenNormal_Conflict()
    {
        await Assert.ThrowsAsync<ConflictException>(() => Status.RequestResetAsync(TestActors.Omar, Why));
    }

    [Fact]
    public async Task Report_ByViewer_Denied()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Status.ReportAsync(TestActors.Viewer, new("DEGRADED", "slow", null, null)));

        Assert.True(Status.Current().IsNormal);
    }
}
