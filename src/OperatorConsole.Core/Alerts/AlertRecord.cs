namespace OperatorConsole.Core.Alerts;

/// <summary>
/// An alert as the console keeps it: one per fingerprint and start (Alertmanager's identity of one firing), with what
/// the matrix made of it. A repeated delivery finds this record and changes nothing.
/// </summary>
public sealed record AlertRecord
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public required string Fingerprint { get; init; }
    public required string Status { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
    public required DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>The source's link, kept only when it is http or https.</summary>
    public string? GeneratorUrl { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? RuleId { get; init; }
    public string? RuleName { get; init; }
    public string? Scope { get; init; }
    public string? IncidentId { get; init; }
    public string? RunbookSlug { get; init; }

    public string? AlertName => Labels.TryGetValue("alertname", out var name) ? name : null;

    public bool IsRouted => RuleId is not null;

    /// <summary>Rule and scope: the open incident an alert of a join-open rule joins is found by this key.</summary>
    public string? RouteKey => RuleId is null ? null : RouteKeyOf(RuleId, Scope ?? string.Empty);

    public static string RouteKeyOf(string ruleId, string scope) => $"{ruleId}|{scope}";

    public static string IdOf(string fingerprint, DateTimeOffset startsAt) =>
        $"{fingerprint}-{startsAt.UtcTicks:x}";
}

/// <summary>One webhook call (or one batch from the console's own checks) as received, for Admins to debug intake.</summary>
public sealed record AlertDelivery(
    string Id,
    DateTimeOffset ReceivedAt,
    string Source,
    string ReceivedBy,
    int AlertCount,
    IReadOnlyList<string> MatchedRules,
    string Outcome);

/// <summary>A silence the console created in Alertmanager for an incident's alerts.</summary>
public sealed record AlertSilence(
    string Id,
    string IncidentId,
    IReadOnlyList<string> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string CreatedBy,
    DateTimeOffset? ExpiredAt = null,
    string? ExpiredBy = null)
{
    public bool IsActiveAt(DateTimeOffset now) => ExpiredAt is null && EndsAt > now;
}
