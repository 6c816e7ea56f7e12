using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Benchmarks;

/// <summary>The write path over a benchmark's store, knowing the actions the benchmarks perform.</summary>
internal static class BenchmarkChanges
{
    public static ChangeRunner Over(IConsoleStore store) =>
        new(store, new LiveEventBroadcaster(), TimeProvider.System, new ActionCatalog([new IncidentActions(), new RunbookActions()]));
}
