using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>Step 5: the evidence archived as a sealed bundle, which completes the launch in the same write.</summary>
public sealed partial class LaunchService
{
    /// <summary>
    /// Step 5, in one write: the gate, the steps and the three sign-offs are checked; the final build checksum is set;
    /// the whole launch record is sealed as a bundle (with a signed checkpoint of the ledger head), stored and ledgered
    /// by its hash and parts; and the launch completes, ledgered and announced.
    /// </summary>
    public Task<LaunchArchive> ArchiveAsync(Actor actor, string id, CancellationToken ct = default) =>
        changes.RunAsync(actor, c =>
        {
            var launch = OpenForStep(c, id, LaunchActions.Archive);
            if (ArchiveRefusal(launch, noGo.Evaluate(c.Session, launch, c.Now)) is { } refusal)
            {
                c.Refuse(LaunchActions.Archive, SubjectOf(id), new { reason = refusal.Message }, refusal);
            }

            var build = c.Session.Scopes.GetManifest(launch.ReleaseId)?.PackChecksum
                ?? throw new ConflictException($"The release manifest {launch.ReleaseId} is gone; its build checksum cannot be archived.");
            var archived = WithStep(launch with { BuildChecksum = build }, new LaunchStep(LaunchStepKind.EvidenceArchived, LaunchStepState.Passed, c.Now,
                c.Actor.DisplayName, $"Build {build} and the launch record archived.", [new LaunchCheck("Final build checksum", true, build)]));
            var bundle = LaunchBundle.Archive(c, bundles, archived);
            c.Session.Launches.SaveBundle(id, bundle);
            var entry = c.Session.Ledger.Head()!;
            var stored = Store(c, archived with { BundleHash = bundle.IntegrityHash }, entry, $"Evidence archived for {launch.ReleaseVersion}: {bundle.IntegrityHash}");
            var completed = c.Record(LaunchActions.Completed, SubjectOf(id), new { buildChecksum = build, integrityHash = bundle.IntegrityHash });
            var done = Store(c, stored with { CompletedAt = c.Now }, completed, $"Launch day complete: {launch.ScopeId} {launch.ReleaseVersion}");
            return new LaunchArchive(done, bundle);
        }, ct);

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
