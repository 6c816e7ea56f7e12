using System.Diagnostics;
using System.Runtime;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// CPU time of this process, which hosts the console: the measured clients run in a child process, so what is
/// counted here is the server (plus the flips the tool sends), as a share of one core over a window. The JIT's time
/// work over the same window is counted beside it: a fresh process recompiles its hot paths in the background for a while.
/// </summary>
internal sealed class HostCpu
{
    private readonly TimeSpan _cpu = Now();
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly long _jitted = JitInfo.GetCompiledMethodCount();

    public static HostCpu Start() => new();

    /// <summary>CPU time this process used since the start, in milliseconds per <paramref name="count"/> (e.g. per flip).</summary>
    public double MillisecondsPer(int count) => count <= 0 ? 0 : (Now() - _cpu).TotalMilliseconds / count;

    /// <summary>Methods the JIT compiled since the start (its time is wall time, inflated on a loaded machine, so not used).</summary>
    public long MethodsJitted => JitInfo.GetCompiledMethodCount() - _jitted;

    public double PercentOfOneCore()
    {
        var wall = Stopwatch.GetElapsedTime(_start);
        return wall <= TimeSpan.Zero ? 0 : 100 * (Now() - _cpu) / wall;
    }

    private static TimeSpan Now()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
