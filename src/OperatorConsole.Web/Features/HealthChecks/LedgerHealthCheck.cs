using Microsoft.Extensions.Diagnostics.HealthChecks;
using OperatorConsole.Core.Audit;

namespace OperatorConsole.Web.Features.HealthChecks;

/// <summary>
/// 002's daily health check of the console's own ledger (integrity, decision distribution, recent activity, security
/// records) at /health/ledger, so a scheduled check can probe it like any target. It replays the whole chain, so an
/// answer is reused for a minute: anonymous callers cannot make the console verify in a loop.
/// </summary>
public sealed class LedgerHealthCheck(AuditService audit, TimeProvider clock) : IHealthCheck
{
    public const string Tag = "ledger";
    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    /// <summary>Whether the ledger verified at the last check (null before the first); the metrics report it.</summary>
    public bool? LastIntegrityPassed { get; private set; }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (_last is not { } last || now - last.At >= Reuse)
            {
                var report = audit.RunDailyHealthCheck();
                LastIntegrityPassed = report.LedgerIntegrity.Passed;
                _last = (now, Judge(report));
            }

            return _last.Value.Result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static HealthCheckResult Judge(DailyHealthReport report)
    {
        if (report.AllPassed)
        {
            return HealthCheckResult.Healthy($"Ledger healthy: {report.LedgerIntegrity.EntryCount} entries verify.");
        }

        var failing = new[]
        {
            report.LedgerIntegrity.Passed ? null : $"integrity ({report.LedgerIntegrity.Problem})",
            report.RecentActivity.Passed ? null : "no recent activity",
            report.SecurityRecords.Passed ? null : "security records",
        }.Where(f => f is not null);
        return HealthCheckResult.Unhealthy($"Ledger daily health check fails: {string.Join(", ", failing)}.");
    }
}
