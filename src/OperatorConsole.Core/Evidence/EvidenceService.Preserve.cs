using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Evidence;

public sealed partial class EvidenceService
{
    /// <summary>
    /// Exports the incident as a sealed bundle and records that it did. The bundle is built inside the
    /// same transaction as the "preserved" ledger entry, so the ledger head it cites is exactly the
    /// entry before that one, and the ledger entry names the bundle by its integrity hash.
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
            var bundle = EvidenceBundle.Build(
                incident, s.Incidents.Timeline(incident.Id), s.Incidents.Evidence(incident.Id), attachments,
                ledger, s.Ledger.Head(), c.Now, c.Actor.DisplayName);
            var json = EvidenceBundle.Seal(bundle, out var hash);

            var entry = c.Record("incident.preserve-evidence", $"incident:{incident.Id}",
                new { integrityHash = hash, ledgerEntries = ledger.Count, attachments = attachments.Count });
            IncidentTimeline.Append(c, incident.Id, TimelineKinds.Evidence, "Evidence preserved", $"Integrity hash {hash}");
            c.Publish(Topics.Incidents, "incident.preserve-evidence", incident.Id, incident.Title, entry.Sequence);
            var stamp = c.Now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            return new PreservedBundle($"evidence-{incident.Id}-{stamp}.json", json, hash);
        });
    }
}
