using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Core.Alerts;

/// <summary>What a matching alert does to incidents: open a new one each time, or join the open one for its rule and scope.</summary>
public enum AlertRuleMode
{
    JoinOpen,
    OpenNew,
}

/// <summary>
/// One row of the alert matrix. An alert matches when its alertname equals <see cref="AlertName"/> (when set) and every
/// matcher holds; rules are tried in <see cref="Order"/> and the first that matches routes the alert.
/// </summary>
public sealed record AlertRule
{
    public required string Id { get; init; }
    public required int Order { get; init; }
    public required string Name { get; init; }
    public string? AlertName { get; init; }
    public IReadOnlyList<string> Matchers { get; init; } = [];
    public IncidentClass Class { get; init; } = IncidentClass.Other;
    public IncidentSeverity Severity { get; init; } = IncidentSeverity.Sev2;
    public required string FirstAction { get; init; }

    /// <summary>The runbook when the alert itself names none (see <see cref="RunbookLookup"/>).</summary>
    public string? RunbookSlug { get; init; }

    /// <summary>The label whose value is the incident's scope, e.g. "scope"; alerts without it share the empty scope.</summary>
    public string? ScopeLabel { get; init; }

    public AlertRuleMode Mode { get; init; } = AlertRuleMode.JoinOpen;

    /// <summary>Start a run of the runbook as soon as the incident opens.</summary>
    public bool AutoStartRun { get; init; }

    // Parsed once per matcher list (a regex compiles once), and again only if a copy got another list.
    // One reference, so a rule shared between threads never sees half an update.
    private ParsedMatchers? _parsed;

    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        (string.IsNullOrEmpty(AlertName) || (labels.TryGetValue("alertname", out var name) && name == AlertName))
        && Parsed().All(m => m.Matches(labels));

    private IReadOnlyList<LabelMatcher> Parsed()
    {
        var cached = _parsed;
        if (cached is null || !ReferenceEquals(cached.From, Matchers))
        {
            cached = new ParsedMatchers(Matchers, [.. Matchers.Select(LabelMatcher.Parse)]);
            _parsed = cached;
        }

        return cached.Matchers;
    }

    private sealed record ParsedMatchers(IReadOnlyList<string> From, IReadOnlyList<LabelMatcher> Matchers);

    public string ScopeOf(IReadOnlyDictionary<string, string> labels) =>
        ScopeLabel is { Length: > 0 } label && labels.TryGetValue(label, out var scope) ? scope : string.Empty;
}

/// <summary>What an Admin sends to create or edit a rule; <see cref="AlertRules.Validate"/> turns it into a rule.</summary>
public sealed record AlertRuleDraft(
    string Name,
    string? AlertName,
    IReadOnlyList<string>? Matchers,
    IncidentClass Class,
    IncidentSeverity Severity,
    string FirstAction,
    string? RunbookSlug,
    string? ScopeLabel,
    AlertRuleMode Mode,
    bool AutoStartRun,
    int? Order = null);
