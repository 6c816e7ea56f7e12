using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.HealthChecks;

/// <summary>What a check definition must satisfy; every problem names its field (the API's camelCase name).</summary>
public static class ScheduledCheckRules
{
    public const int MaxName = 100;
    public const int MaxUrl = 2000;
    public const int MinIntervalSeconds = 10;
    public const int MaxIntervalSeconds = 86_400;
    public const int MinTimeoutMs = 100;
    public const int MaxTimeoutMs = 30_000;
    public const int MaxFailuresToAlert = 100;

    /// <summary>Results kept per check; older ones are dropped as new ones arrive.</summary>
    public const int HistoryKept = 200;

    public static readonly IReadOnlyList<string> Methods = ["GET", "POST"];
    public static readonly IReadOnlyList<string> Severities = ["SEV-1", "SEV-2", "SEV-3"];

    /// <summary>The check <paramref name="d"/> describes, or a validation refusal listing every field at fault.</summary>
    public static ScheduledCheck Validate(ScheduledCheckDefinition d, string id, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var problems = new List<FieldProblem>();
        var name = Text(d.Name, "name", MaxName, problems);
        var owner = Text(d.Owner, "owner", MaxName, problems);
        var method = (d.Method ?? "GET").Trim().ToUpperInvariant();
        Check(Methods.Contains(method), "method", "The method is GET or POST.", problems);
        var url = (d.Url ?? "").Trim();
        Check(url.Length is > 0 and <= MaxUrl && ProbeSpecParser.IsTarget(url), "url",
            "The URL is an absolute http:// or https:// URL, or a path on the console starting with '/'.", problems);
        var expected = d.ExpectedStatus ?? ProbeSpecParser.DefaultExpectedStatus;
        Check(expected is >= 100 and <= 599, "expectedStatus", "The expected status is from 100 to 599.", problems);
        var interval = d.IntervalSeconds ?? 60;
        Check(interval is >= MinIntervalSeconds and <= MaxIntervalSeconds, "intervalSeconds",
            $"The interval is from {MinIntervalSeconds} to {MaxIntervalSeconds} seconds.", problems);
        var timeout = d.TimeoutMs ?? ProbeSpecParser.DefaultTimeoutMs;
        Check(timeout is >= MinTimeoutMs and <= MaxTimeoutMs && timeout <= interval * 1000L, "timeoutMs",
            $"The timeout is from {MinTimeoutMs} to {MaxTimeoutMs} ms and no longer than the interval.", problems);
        var failures = d.FailuresToAlert ?? 3;
        Check(failures is >= 1 and <= MaxFailuresToAlert, "failuresToAlert", $"Failures in a row before alerting is from 1 to {MaxFailuresToAlert}.", problems);
        var severity = (d.Severity ?? "SEV-2").Trim().ToUpperInvariant();
        Check(Severities.Contains(severity), "severity", "The severity is SEV-1, SEV-2 or SEV-3.", problems);
        var (path, op, threshold) = Threshold(d, problems);
        if (problems.Count > 0)
        {
            throw DomainValidationException.ForFields(problems);
        }

        return new ScheduledCheck
        {
            Id = id, Name = name, Method = method, Url = url, ExpectedStatus = expected, JsonPath = path, Operator = op, Threshold = threshold,
            IntervalSeconds = interval, TimeoutMs = timeout, Owner = owner, Severity = severity, FailuresToAlert = failures,
            Enabled = d.Enabled ?? true, CreatedAt = createdAt, UpdatedAt = now,
        };
    }

    // A threshold is all three parts or none: a path without a comparator would silently check nothing.
    private static (string? Path, string? Op, double? Threshold) Threshold(ScheduledCheckDefinition d, List<FieldProblem> problems)
    {
        var path = string.IsNullOrWhiteSpace(d.JsonPath) ? null : d.JsonPath.Trim();
        var op = string.IsNullOrWhiteSpace(d.Operator) ? null : d.Operator.Trim();
        if (path is null && op is null && d.Threshold is null)
        {
            return (null, null, null);
        }

        Check(path is not null && ProbeSpecParser.IsJsonPath(path), "jsonPath", "The JSON path is dotted from the root, e.g. $.metrics.p99_ms.", problems);
        Check(op is not null && ProbeSpecParser.Operators.Contains(op), "operator", "The comparator is one of > >= < <= == !=.", problems);
        Check(d.Threshold is { } t && double.IsFinite(t), "threshold", "The threshold is a number.", problems);
        return (path, op, d.Threshold);
    }

    private static string Text(string? value, string field, int max, List<FieldProblem> problems)
    {
        var text = (value ?? "").Trim();
        Check(text.Length > 0 && text.Length <= max && !text.Any(char.IsControl), field,
            $"The {field} is 1 to {max} characters, without control characters.", problems);
        return text;
    }

    private static void Check(bool holds, string field, string message, List<FieldProblem> problems)
    {
        if (!holds)
        {
            problems.Add(new FieldProblem(field, message));
        }
    }
}
