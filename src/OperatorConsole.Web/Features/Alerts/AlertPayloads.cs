using System.Text.Json;
using System.Text.Json.Serialization;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Web.Features.Alerts;

/// <summary>Alertmanager's webhook payload, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config).</summary>
public sealed record AlertmanagerPayload
{
    public required string Version { get; init; }
    public string? GroupKey { get; init; }
    public int TruncatedAlerts { get; init; }
    public string? Status { get; init; }
    public string? Receiver { get; init; }
    public Dictionary<string, string>? GroupLabels { get; init; }
    public Dictionary<string, string>? CommonLabels { get; init; }
    public Dictionary<string, string>? CommonAnnotations { get; init; }
    public string? ExternalUrl { get; init; }
    public required List<AlertmanagerAlert> Alerts { get; init; }

    public IReadOnlyList<IncomingAlert> ToIncoming()
    {
        if (Version != "4")
        {
            throw DomainValidationException.ForFields([new FieldProblem("version", $"Only webhook payload version 4 is understood, not \"{Version}\".")]);
        }

        return [.. Alerts.Select(a => new IncomingAlert(a.Status, a.Labels, a.Annotations ?? [], a.StartsAt, a.EndsAt is { Year: > 1 } end ? end : null,
            a.GeneratorUrl, string.IsNullOrWhiteSpace(a.Fingerprint) ? IncomingAlerts.Fingerprint(a.Labels) : a.Fingerprint))];
    }
}

public sealed record AlertmanagerAlert
{
    public required string Status { get; init; }
    public required Dictionary<string, string> Labels { get; init; }
    public Dictionary<string, string>? Annotations { get; init; }
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>Alertmanager sends 0001-01-01T00:00:00Z for "no end".</summary>
    public DateTimeOffset? EndsAt { get; init; }

    [JsonPropertyName("generatorURL")]
    public string? GeneratorUrl { get; init; }

    public string? Fingerprint { get; init; }
}

/// <summary>
/// The generic webhook for sources other than Alertmanager: <c>{"alerts":[{"name","status","labels","annotations",
/// "startsAt","endsAt","generatorURL","fingerprint"}]}</c>; docs/alerts.md describes it.
/// </summary>
public sealed record GenericAlertPayload
{
    public required List<GenericAlert> Alerts { get; init; }

    public IReadOnlyList<IncomingAlert> ToIncoming() =>
        [.. Alerts.Select((a, i) =>
        {
            var labels = new Dictionary<string, string>(a.Labels ?? [], StringComparer.Ordinal);
            if (!string.IsNullOrWhiteSpace(a.Name))
            {
                labels["alertname"] = a.Name.Trim();
            }

            if (!labels.ContainsKey("alertname"))
            {
                throw DomainValidationException.ForFields([new FieldProblem($"alerts[{i}].name", $"alerts[{i}].name (or labels.alertname) is required.")]);
            }

            return new IncomingAlert(a.Status ?? IncomingAlert.Firing, labels, a.Annotations ?? [], a.StartsAt, a.EndsAt, a.GeneratorUrl,
                string.IsNullOrWhiteSpace(a.Fingerprint) ? IncomingAlerts.Fingerprint(labels) : a.Fingerprint.Trim());
        })];
}

public sealed record GenericAlert
{
    public string? Name { get; init; }
    public string? Status { get; init; }
    public Dictionary<string, string>? Labels { get; init; }
    public Dictionary<string, string>? Annotations { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }

    [JsonPropertyName("generatorURL")]
    public string? GeneratorUrl { get; init; }

    public string? Fingerprint { get; init; }
}

/// <summary>Reads a webhook body: malformed, truncated or mistyped JSON is refused naming where it broke.</summary>
public static class AlertPayloadReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    public static T Parse<T>(byte[] body, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json) ?? throw DomainValidationException.ForFields([new FieldProblem("body", $"The body must be a {what} object.")]);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var problem = e.Message.Contains("missing required properties", StringComparison.Ordinal)
                ? $"The {what} is missing required fields: {e.Message.Split("including: ").LastOrDefault()?.TrimEnd('.')}"
                : $"The {what} is not valid JSON of the expected shape at '{field}' (line {e.LineNumber + 1}).";
            throw DomainValidationException.ForFields([new FieldProblem(field, problem)]);
        }
    }
}
