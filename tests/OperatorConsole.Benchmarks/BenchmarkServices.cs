using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core;
using OperatorConsole.Core.Runs;
using OperatorConsole.Storage;

namespace OperatorConsole.Benchmarks;

/// <summary>The console's Core services over a fresh data file in <c>folder</c>, as the host wires them.</summary>
internal static class BenchmarkServices
{
    public static ServiceProvider Over(string folder) => new ServiceCollection()
        .AddLogging()
        .AddConsoleCore()
        .AddConsoleStorage(Path.Combine(folder, "bench.db"))
        .AddSingleton<ISelfBaseAddress, LoopbackSelf>()
        .BuildServiceProvider();

    private sealed class LoopbackSelf : ISelfBaseAddress
    {
        public Uri Get() => new("http://127.0.0.1/");
    }
}
