using System.Text.RegularExpressions;

namespace OperatorConsole.Core.Live;

/// <summary>Every topic the console publishes on. Adding a feature's topic is one line here.</summary>
public static partial class Topics
{
    public const string All = "*";
    public const string Runbooks = "runbooks";
    public const string Runs = "runbook-runs";
    public const string Ledger = "ledger";
    public const string Users = "users";
    public const string Incidents = "incidents";
    public const string KillSwitches = "kill-switches";
    public const string Lockdown = "lockdown";
    public const string FailureStatus = "failure-status";
    public const string Scopes = "scopes";
    public const string Rollbacks = "rollbacks";
    public const string Releases = "releases";
    public const string HealthChecks = "health-checks";
    public const string Alerts = "alerts";
    public const string Launches = "launches";

    public static string Run(string runId) => $"runbook-run:{runId}";

    public static string Incident(string incidentId) => $"incident:{incidentId}";

    public static string Scope(string scopeId) => $"scope:{scopeId}";

    public static string Rollback(string rollbackId) => $"rollback:{rollbackId}";

    public static string Launch(string launchId) => $"launch:{launchId}";

    /// <summary>Longest topic a client may name (an id topic such as "scope:{64 characters}" fits well within it).</summary>
    public const int MaxLength = 100;

    public static bool IsKnown(string topic) => KnownTopic().IsMatch(topic);

    /// <summary>Why a topic a client named cannot be subscribed to, or null when it is a known topic.</summary>
    public static string? Problem(string? topic)
    {
        if (string.IsNullOrEmpty(topic))
        {
            return "Name a topic, e.g. \"incidents\" or \"incident:{id}\".";
        }

        if (topic.Length > MaxLength)
        {
            return $"A topic is at most {MaxLength} characters.";
        }

        if (topic.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch)))
        {
            return "A topic has no spaces or control characters.";
        }

        return IsKnown(topic)
            ? null
            : $"Unknown topic '{topic}'. Known: runbooks, runbook-runs, ledger, users, incidents, kill-switches, lockdown, failure-status, scopes, rollbacks, releases, health-checks, alerts, launches, runbook-run:{{id}}, incident:{{id}}, scope:{{id}}, rollback:{{id}}, launch:{{id}}.";
    }

    [GeneratedRegex("^(runbooks|runbook-runs|ledger|users|incidents|kill-switches|lockdown|failure-status|scopes|rollbacks|releases|health-checks|alerts|launches|runbook-run:[A-Za-z0-9-]{1,64}|incident:[A-Za-z0-9-]{1,64}|scope:[A-Za-z0-9][A-Za-z0-9._-]{0,63}|rollback:[A-Za-z0-9-]{1,64}|launch:[A-Za-z0-9-]{1,64})$")]
    private static partial Regex KnownTopic();
}
