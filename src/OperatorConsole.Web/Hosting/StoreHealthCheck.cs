using Microsoft.Extensions.Diagnostics.HealthChecks;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Web.Hosting;

/// <summary>
/// Ready means the store (the LiteDB file, or the PostgreSQL database) answers a read. Degraded means reads work but the
/// last write failed (disk full, I/O error, read-only file, server gone mid-write): the description says why, and it
/// turns healthy after the next good write.
/// </summary>
public sealed class StoreHealthCheck(IConsoleStore store, IStoreStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var head = store.Read(s => s.Ledger.Head());
            var result = status.LastFailure is { } failure
                ? HealthCheckResult.Degraded($"The last write failed and was not saved: {failure.Message}", failure)
                : HealthCheckResult.Healthy($"ledger head {head?.Sequence ?? 0}");
            return Task.FromResult(result);
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The store cannot be read.", ex));
        }
    }
}
