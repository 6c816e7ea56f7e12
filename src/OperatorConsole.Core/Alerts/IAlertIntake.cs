using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Alerts;

/// <summary>Where every alert enters: webhooks, health checks and the console's own alerts alike.</summary>
public interface IAlertIntake
{
    /// <summary>
    /// Routes <paramref name="alerts"/> from <paramref name="source"/> (e.g. "alertmanager", "webhook", "console",
    /// "health-check") through the alert matrix. A repeated alert (same fingerprint and start) changes nothing.
    /// </summary>
    Task ReceiveAsync(Actor actor, string source, IReadOnlyList<IncomingAlert> alerts, CancellationToken cancellationToken = default);
}
