namespace OperatorConsole.Core.Incidents;

public sealed record ClassInfo(IncidentClass Class, string Name, string Definition, string ExpectedEffect, string RunbookSection, string ClosureCondition);

/// <summary>
/// A required response of a severity. <paramref name="SeenWhen"/> names what the console can see that fulfils it, so it
/// ticks itself (see <see cref="IncidentObligations"/>); the others are ticked by hand.
/// </summary>
public sealed record Obligation(string Key, string Text, ObligationSignal SeenWhen = ObligationSignal.None);

/// <summary>Things the console sees happen that fulfil an obligation.</summary>
public enum ObligationSignal
{
    None,

    /// <summary>The incident reached Contained or a later status.</summary>
    Containment,

    /// <summary>A kill switch engaged, or a rollback started, on the incident's scope or naming the incident.</summary>
    KillSwitchOrRollback,

    /// <summary>An evidence bundle of the incident was preserved.</summary>
    EvidencePreserved,
}

/// <summary>The incident classes, severity model and required responses, as seed 004 defines them.</summary>
public static class IncidentCatalog
{
    /// <summary>Slug of the seed 004 runbook whose sections hold each class's procedure.</summary>
    public const string ClassRunbookSlug = "binkindly-operations-runbook";

    public static readonly IReadOnlyList<ClassInfo> Classes =
    [
        new(IncidentClass.SourceOutage, "Source outage",
            "Official upstream source becomes unavailable, malformed, blocked, or stale enough to prevent trustworthy refresh.",
            "Refresh blocks or remains on last known good.", "Runbook: source outage",
            "Upstream source recovers or scope is explicitly downgraded truthfully."),
        new(IncidentClass.PublishFailure, "Publish failure",
            "Candidate pack cannot be published because verifier, attestation, write, or promotion step fails.",
            "publish_blocked; last known good remains active.", "Runbook: publish failure",
            "Publish path passes again without weakening gates."),
        new(IncidentClass.StalePackBreach, "Stale-pack threshold breach",
            "Active locality or baseline manifest is older than the declared freshness threshold for that scope.",
            "Locality is treated as degraded operationally; product truth may require caution or refusal.", "Runbook: stale-pack breach",
            "Fresh publish succeeds and active scope returns within threshold."),
        new(IncidentClass.FallbackPathSpike, "Fallback-path spike",
            "Sorter fallback, deterministic fallback, or rescue path usage rises materially above normal baseline.",
            "Trust weakens even if publishes still succeed.", "Runbook: fallback-path spike",
            "Scheduled clean primary success returns to normal thresholds."),
        new(IncidentClass.BadPublish, "Bad publish",
            "A newly promoted pack is wrong, unsafe, malformed, incomplete, or operationally inconsistent despite passing earlier gates.",
            "Immediate scope containment; rollback to last known good.", "Runbook: bad-pack emergency kill switch",
            "Active user-facing truth is restored to safe state within objective."),
        new(IncidentClass.AiLaneInstability, "AI lane instability",
            "Workers AI path becomes unreliable, malformed, too slow, or causes workflow instability.",
            "AI-assisted sorting may need to be disabled or narrowed without breaking truthful service.", "Runbook: AI kill switch",
            "Lane is re-enabled only after clean scheduled evidence and rollback confidence."),
        new(IncidentClass.Other, "Other",
            "An incident outside the classes above.", "As observed.", string.Empty,
            "The owner states and confirms what restored safe service."),
    ];

    public static readonly IReadOnlyDictionary<IncidentSeverity, IReadOnlyList<Obligation>> Obligations =
        new Dictionary<IncidentSeverity, IReadOnlyList<Obligation>>
        {
            [IncidentSeverity.Sev1] =
            [
                new("sev1-contain", "Contain immediately", ObligationSignal.Containment),
                new("sev1-kill-or-rollback", "Activate kill switch or rollback", ObligationSignal.KillSwitchOrRollback),
                new("sev1-preserve", "Preserve evidence", ObligationSignal.EvidencePreserved),
                new("sev1-suspend", "Suspend risky forward change"),
            ],
            [IncidentSeverity.Sev2] =
            [
                new("sev2-halt", "Halt expansion"),
                new("sev2-investigate", "Investigate within the same operating window"),
                new("sev2-decide", "Decide contain vs repair"),
            ],
            [IncidentSeverity.Sev3] =
            [
                new("sev3-record", "Record"),
                new("sev3-investigate", "Investigate"),
                new("sev3-recurrence", "Do not ignore repeated recurrence"),
            ],
        };

    public static ClassInfo Info(IncidentClass incidentClass) => Classes.First(c => c.Class == incidentClass);

    public static string Label(IncidentSeverity severity) => $"SEV-{(int)severity}";
}
