namespace OperatorConsole.Web.Tests.Telemetry;

/// <summary>
/// Runs its classes after every parallel test class and alone. OpenTelemetry picks meters by name in the whole process,
/// so while other test hosts live their "OperatorConsole" instruments show in this host's /metrics too, and one of them
/// being disposed retires the shared metric streams. A console in production is one host per process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInProcess
{
    public const string Name = "Alone in the process";
}
