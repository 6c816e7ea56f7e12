using System.Net;
using System.Net.Sockets;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.HealthChecks;

public sealed class ScheduledCheckEvaluationTests : IDisposable
{
    private readonly TestStore _store = new();
    private readonly CheckTarget _target;

    public ScheduledCheckEvaluationTests() => _target = new CheckTarget(_store);

    public void Dispose()
    {
        _target.Dispose();
        _store.Dispose();
    }

    // One row per comparator through a stored check (ProbeJudgeTests holds the full pass/fail matrix of the shared judge).
    [Theory]
    [InlineData(">", 40, true)]
    [InlineData(">=", 43, false)]
    [InlineData("<", 50, true)]
    [InlineData("<=", 41, false)]
    [InlineData("==", 42, true)]
    [InlineData("!=", 42, false)]
    public async Task Run_Comparator_PassesOnlyWhenTheValueMeetsTheThreshold(string op, double threshold, bool expected)
    {
        var check = await _store.HealthChecks.CreateAsync(TestActors.Admin, CheckTarget.Definition(jsonPath: "$.metrics.p99_ms", op: op, threshold: threshold));

        var result = await _store.CheckRunner.RunAsync(check.Id);

        Assert.Equal(expected, result!.Passed);
        Assert.Contains($"$.metrics.p99_ms = 42 ({(expected ? "meets" : "fails")} {op}", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JsonPathMissing_FailsNamingThePath()
    {
        var check = await _store.HealthChecks.CreateAsync(TestActors.Admin, CheckTarget.Definition(jsonPath: "$.metrics.p50_ms", op: "<", threshold: 50));

        var result = await _store.CheckRunner.RunAsync(check.Id);

        Assert.False(result!.Passed);
        Assert.Contains("$.metrics.p50_ms is not a number", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnexpectedStatus_FailsNamingBothStatuses()
    {
        _target.Status = 503;
        var check = await _store.HealthChecks.CreateAsync(TestActors.Admin, CheckTarget.Definition());

        var result = await _store.CheckRunner.RunAsync(check.Id);

        Assert.False(result!.Passed);
        Assert.Equal(503, result.StatusCode);
        Assert.StartsWith("status 503, expected 200", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TargetNeverAnswers_FailsAsTimeout()
    {
        // Accepts connections (the kernel's backlog) but never reads or answers.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/metrics";
            await _store.Outbound.AllowAsync(TestActors.Admin, "127.0.0.1", "test target");
            var check = await _store.HealthChecks.CreateAsync(TestActors.Admin, CheckTarget.Definition(url: url, timeoutMs: 200));

            var result = await _store.CheckRunner.RunAsync(check.Id);

            Assert.False(result!.Passed);
            Assert.Null(result.StatusCode);
            Assert.Equal("no answer within 200 ms", result.Reason);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task Run_TargetUnreachable_FailsAsUnreachable()
    {
        _store.Self.Address = new Uri($"http://127.0.0.1:{Loopback.UnusedPort()}/");
        var check = await _store.HealthChecks.CreateAsync(TestActors.Admin, CheckTarget.Definition());

        var result = await _store.CheckRunner.RunAsync(check.Id);

        Assert.False(result!.Passed);
        Assert.StartsWith("unreachable:", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PrivateTargetNotAllowed_FailsAsRefusedWithoutConnecting()
    {
        var check = await _store.HealthChecks.CreateAsync(TestActors.Admin, CheckTarget.Definition(url: "http://10.255.255.1/metrics"));

        var result = await _store.CheckRunner.RunAsync(check.Id);

        Assert.False(result!.Passed);
        Assert.StartsWith("refused:", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ManyTimes_KeepsOnlyTheNewestResults()
    {
        var check = await _store.HealthChecks.CreateAsync(TestActors.Admin, CheckTarget.Definition());
        for (var i = 0; i < Core.HealthChecks.ScheduledCheckRules.HistoryKept + 3; i++)
        {
            await _store.CheckRunner.RunAsync(check.Id);
        }

        Assert.Equal(Core.HealthChecks.ScheduledCheckRules.HistoryKept, _store.HealthChecks.Get(check.Id).History.Count);
    }
}
