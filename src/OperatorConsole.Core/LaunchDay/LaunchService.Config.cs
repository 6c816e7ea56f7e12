using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>Step 1: the production config, pasted or fetched, verified against the expectations.</summary>
public sealed partial class LaunchService
{
    public Task<Launch> SubmitConfigAsync(Actor actor, string id, string? text, string? format, CancellationToken ct = default) =>
        throw new NotImplementedException("Waiting for ConfigSnapshotParser/ConfigVerifier (h-launch-checks).");

    public Task<Launch> FetchConfigAsync(Actor actor, string id, CancellationToken ct = default) =>
        throw new NotImplementedException("Waiting for ConfigFetcher (h-launch-checks).");
}
