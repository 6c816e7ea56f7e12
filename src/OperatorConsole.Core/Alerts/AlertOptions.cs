namespace OperatorConsole.Core.Alerts;

/// <summary>Settings under "Alerts".</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>Alertmanager's base URL (e.g. http://alertmanager:9093) for silences; null disables silencing.</summary>
    public string? AlertmanagerUrl { get; set; }
}
