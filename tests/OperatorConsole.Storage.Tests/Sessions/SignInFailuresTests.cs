using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Sessions;

public sealed class SignInFailuresTests : IDisposable
{
    private static readonly Actor Nobody = new("nobody", "nobody", Role.None);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly TestStore _store;

    public SignInFailuresTests() => _store = new TestStore(_clock);

    public void Dispose() => _store.Dispose();

    private SignInFailures Failures => _store.SignInFailures;

    [Fact]
    public async Task Record_FloodInOneWindow_OneLedgerEntry()
    {
        var before = _store.Ledger.Count;

        for (var i = 0; i < 500; i++)
        {
            await Failures.RecordAsync(Nobody, "203.0.113.9");
        }

        var written = _store.Ledger.Skip(before).ToList();
        var entry = Assert.Single(written);
        Assert.Equal((SessionActions.SignIn, LedgerOutcome.Denied, "user:nobody"), (entry.Action, entry.Outcome, entry.Subject));
    }

    [Fact]
    public async Task Record_AfterTheWindow_WritesTheCountOfTheClosedWindow()
    {
        for (var i = 0; i < 7; i++)
        {
            await Failures.RecordAsync(Nobody, "203.0.113.9");
        }

        _clock.Now += new SignInLimits().FailureWindow;
        await Failures.RecordAsync(Nobody, "203.0.113.9");

        var summary = Assert.Single(_store.Ledger, e => e.Action == SessionActions.SignInFailures);
        Assert.Contains("\"failures\":7", summary.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryAt_TooManyFailuresForTheName_UntilTheWindowEnds()
    {
        var limits = new SignInLimits();
        for (var i = 0; i < limits.FailuresPerUser; i++)
        {
            await Failures.RecordAsync(Nobody, $"203.0.113.{i}");
        }

        Assert.Equal(_clock.Now + limits.FailureWindow, Failures.RetryAt("nobody"));
        Assert.Null(Failures.RetryAt("somebody-else"));
        _clock.Now += limits.FailureWindow;
        Assert.Null(Failures.RetryAt("nobody"));
    }

    [Fact]
    public async Task RetryAt_FewerFailuresThanTheLimit_Null()
    {
        await Failures.RecordAsync(Nobody, "203.0.113.9");

        Assert.Null(Failures.RetryAt("nobody"));
    }
}
