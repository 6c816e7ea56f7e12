namespace OperatorConsole.Core.Incidents;

/// <summary>
/// Event kinds the incident feature publishes that are not one of its ledger actions: on <see cref="Live.Topics.Incidents"/>
/// (the list) and on <see cref="Live.Topics.Incident(string)"/> (one incident's timeline).
/// </summary>
public static class IncidentEvents
{
    public const string Opened = "incident.opened";
    public const string Timeline = "incident.timeline";
    public const string PostIncident = "incident.post-incident";
    public const string FollowUp = "incident.follow-up";

    /// <summary>
    /// Kinds on <see cref="Live.Topics.Incidents"/> by which an incident may become an open SEV-1 (everyone's banner); any
    /// other change can only alter or end one already shown. A page without a circuit reads again only on these.
    /// </summary>
    public static readonly IReadOnlyList<string> MayOpenSev1 = [Opened, IncidentActions.SetSeverity, IncidentActions.Reopen];
}
