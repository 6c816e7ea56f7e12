using Microsoft.Extensions.Diagnostics.HealthChecks;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Web.Hosting;

/// <summary>Ready means the LiteDB file is open and answers a read.</summary>
public sealed class StoreHealthCheck(IConsoleStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var head = store.Read(s => s.Ledger.Head());
            return Task.FromResult(HealthCheckResult.Healthy($"ledger head {head?.Sequence ?? 0}"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The store cannot be read.", ex));
        }
    }
}
