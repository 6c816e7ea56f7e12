using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Alerts;

/// <summary>
/// How the console's own producers (health checks, the console's alerts about itself) hand an alert to the intake. A
/// failing intake is a false answer, and the producer sends again on its next look.
/// </summary>
public sealed class AlertSender(IAlertIntake intake, ILogger<AlertSender> logger)
{
    public async Task<bool> TrySendAsync(string source, IncomingAlert alert, CancellationToken cancellationToken = default)
    {
        try
        {
            await intake.ReceiveAsync(Actor.System, source, [alert], cancellationToken);
            logger.LogInformation("Alert {AlertName} {AlertStatus} sent from {AlertSource} ({Fingerprint})", alert.AlertName, alert.Status, source, alert.Fingerprint);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The alert intake refused {AlertName} ({AlertStatus}) from {AlertSource}; it is sent again on the next look",
                alert.AlertName, alert.Status, source);
            return false;
        }
    }
}
