using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>Steps 3 and 4: probes of production and a live fetch as the app does, run outside the write.</summary>
public sealed partial class LaunchService
{
    public Task<Launch> RunProductionProbesAsync(Actor actor, string id, CancellationToken ct = default) =>
        throw new NotImplementedException("Waiting for LaunchProbes (h-launch-checks).");

    public Task<Launch> RunLiveFetchAsync(Actor actor, string id, CancellationToken ct = default) =>
        throw new NotImplementedException("Waiting for LaunchProbes (h-launch-checks).");
}
