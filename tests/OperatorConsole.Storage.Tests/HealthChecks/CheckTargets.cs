using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.HealthChecks;

/// <summary>A loopback target whose answer a test sets, and check definitions pointing at it through the console's own address.</summary>
public sealed class CheckTarget : IDisposable
{
    private readonly LoopbackHttpServer _server;

    public CheckTarget(TestStore store)
    {
        _server = new LoopbackHttpServer(_ => (Status, Json));
        store.Self.Address = _server.Address;
    }

    public int Status { get; set; } = 200;

    public string Json { get; set; } = """{"survival_rate":0.95,"metrics":{"p99_ms":42}}""";

    public void Dispose() => _server.Dispose();

    public static ScheduledCheckDefinition Definition(
        string name = "Survival rate", string? jsonPath = null, string? op = null, double? threshold = null, int failuresToAlert = 3,
        int intervalSeconds = 60, int timeoutMs = 3000, string url = "/metrics") =>
        new(name, "GET", url, 200, jsonPath, op, threshold, intervalSeconds, timeoutMs, "ai-operators", "SEV-2", failuresToAlert, true);
}
