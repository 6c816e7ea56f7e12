using Microsoft.AspNetCore.Components.Server.Circuits;

namespace OperatorConsole.Web.Telemetry;

/// <summary>Counts open circuits: one per console tab connected over Blazor's SignalR channel.</summary>
public sealed class CircuitMetrics(ConsoleMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
