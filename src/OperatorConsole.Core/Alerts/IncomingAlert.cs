namespace OperatorConsole.Core.Alerts;

/// <summary>
/// One alert as a source reports it, in Alertmanager's terms (the generic webhook and the console's own
/// alerts are mapped onto the same shape). Status is "firing" or "resolved".
/// </summary>
public sealed record IncomingAlert(
    string Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? GeneratorUrl,
    string Fingerprint)
{
    public const string Firing = "firing";
    public const string Resolved = "resolved";

    public string? AlertName => Labels.TryGetValue("alertname", out var name) ? name : null;
}
