using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Overview;

/// <summary>What is going on, for one viewer: the command centre's whole answer, read in one go.</summary>
public sealed record CommandCentreView(
    DateTimeOffset At,
    IReadOnlyList<IncidentLine> OpenIncidents,
    IReadOnlyList<IncidentLine> AssignedToMe,
    IReadOnlyList<SwitchOnLine> SwitchesOn,
    LockdownLine? Lockdown,
    IReadOnlyList<ScopeStanding> Scopes,
    IReadOnlyList<FailingCheckLine> FailingChecks,
    IReadOnlyList<UnroutedAlertLine> UnroutedAlerts);

/// <summary>An open incident: most severe first, then oldest first.</summary>
public sealed record IncidentLine(
    string Id, string Title, IncidentSeverity Severity, string SeverityLabel, IncidentStatus Status, string? Owner, DateTimeOffset OpenedAt, TimeSpan Age);

/// <summary>A kill switch that is on: since when, why and who (from its last change), and whether on is its default.</summary>
public sealed record SwitchOnLine(
    string Id, string Key, string Scope, bool Protective, bool OnByDefault, DateTimeOffset? Since, string? Reason, string? By, string? IncidentId);

/// <summary>The active lockdown.</summary>
public sealed record LockdownLine(string Id, string Reason, string EngagedBy, DateTimeOffset Since, string? IncidentId, int PendingReleases);

/// <summary>A scheduled health check whose last run failed.</summary>
public sealed record FailingCheckLine(string Id, string Name, string Reason, DateTimeOffset At, int ConsecutiveFailures, bool AlertFiring);

/// <summary>A firing alert no rule of the alert matrix routed: nobody was paged for it.</summary>
public sealed record UnroutedAlertLine(string Id, string Name, string? Scope, string Source, DateTimeOffset ReceivedAt);
