using OperatorConsole.Core.Alerts;

namespace OperatorConsole.Web.Telemetry;

/// <summary>
/// Counts alert webhook deliveries by what they did: opened or joined an incident, were only recorded, or were refused
/// (bad payload, wrong role, lockdown). An endpoint filter, so the intake keeps no metrics code.
/// </summary>
public static class AlertDeliveryMetering
{
    public static RouteHandlerBuilder MeteredAs(this RouteHandlerBuilder endpoint, string source) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var metrics = context.HttpContext.RequestServices.GetRequiredService<ConsoleMetrics>();
            object? result;
            try
            {
                result = await next(context);
            }
            catch
            {
                metrics.AlertDelivery(source, "refused");
                throw;
            }

            metrics.AlertDelivery(source, result is IValueHttpResult { Value: IntakeResult intake } ? OutcomeOf(intake) : "refused");
            return result;
        });

    private static string OutcomeOf(IntakeResult intake) =>
        intake.OpenedIncidents.Count > 0 ? "opened"
        : intake.JoinedIncidents.Count > 0 ? "joined"
        : "recorded";
}
