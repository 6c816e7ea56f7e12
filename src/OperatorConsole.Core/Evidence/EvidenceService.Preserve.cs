using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Evidence;

public sealed partial class EvidenceService
{
    /// <summary>
    /// Exports the incident as a sealed bundle and records that it did. The bundle is built inside the
    /// same transaction as the "preserved" ledger entry, so the ledger head it cites is exactly the
    /// entry before that one, and the ledger entry names the bundle by its integrity hash and the digest of each
    /// part. The head is sealed into a signed checkpoint first, and the bundle carries that checkpoint.
    /// </summary>
    public async Task<PreservedBundle> PreserveAsync(Actor actor, string incidentId)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(Responders, "incident.preserve-evidence", $"incident:{incidentId}");
            var s = c.Session;
            var incident = s.Incidents.Get(incidentId) ?? throw new NotFoundException($"No incident '{incidentId}'.");
            var attachments = s.Attachments.For(incident.Id);
            var ledger = s.Ledger.All().Where(e => EvidenceBundle.IsIncidentSubject(e.Subject, incident.Id)).ToList();
            var (json, hash, parts) = bundles.Seal(s, head => EvidenceBundle.Build(
                incident, s.Incidents.Timeline(incident.Id), s.Incidents.Evidence(incident.Id), attachments,
                ledger, head, c.Now, c.Actor.DisplayName));
            var entry = c.Record(PreserveAction, $"incident:{incident.Id}",
                new { integrityHash = hash, ledgerEntries = ledger.Count, attachments = attachments.Count, parts });
            IncidentTimeline.Append(c, incident.Id, TimelineKinds.Evidence, "Evidence preserved", $"Integrity hash {hash}");
            c.Publish(Topics.Incidents, PreserveAction, incident.Id, incident.Title, entry.Sequence);
            var stamp = c.Now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            return new PreservedBundle($"evidence-{incident.Id}-{stamp}.json", json, hash);
        });
    }
}
