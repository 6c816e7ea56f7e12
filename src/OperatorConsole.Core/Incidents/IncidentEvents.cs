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
}
