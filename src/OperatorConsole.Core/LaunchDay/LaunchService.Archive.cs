using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>Step 5: the evidence archived as a sealed bundle, which completes the launch in the same write.</summary>
public sealed partial class LaunchService
{
    public Task<LaunchArchive> ArchiveAsync(Actor actor, string id, CancellationToken ct = default) =>
        throw new NotImplementedException("Waiting for LaunchBundle (h-launch-checks).");

    /// <summary>The bundle archived by step 5, exactly as sealed then.</summary>
    public PreservedBundle Bundle(string id) => changes.Store.Read(s =>
        s.Launches.Bundle(Find(s, id).Id) ?? throw new NotFoundException($"Launch '{id}' has no archived evidence yet."));

    /// <summary>Why the launch cannot be archived and completed now, or null when it can.</summary>
    private static ConflictException? ArchiveRefusal(Launch launch, LaunchGate gate)
    {
        if (CompleteRefusal(launch) is { } complete)
        {
            return complete;
        }

        if (StepsRefusal(launch, "the evidence is archived") is { } steps)
        {
            return steps;
        }

        if (GateRefusal(gate, "Archiving") is { } noGo)
        {
            return noGo;
        }

        var signers = launch.ValidSignOffs.ToList();
        var missing = Enum.GetValues<SignOffArea>().Where(a => signers.All(s => s.Area != a)).ToList();
        var people = signers.Select(s => s.UserId).Distinct(StringComparer.Ordinal).Count();
        return missing.Count == 0 && people == Enum.GetValues<SignOffArea>().Length ? null
            : new ConflictException($"Archiving needs three valid sign-offs from three different people; missing: {string.Join(", ", missing)}.");
    }
}
