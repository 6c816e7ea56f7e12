using System.Diagnostics;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// CPU time of this process, which hosts the console: the measured clients run in a child process, so what is
/// counted here is the server (plus the flips the tool sends), as a share of one core over a window.
/// </summary>
internal sealed class HostCpu
{
    private readonly TimeSpan _cpu = Now();
    private readonly long _start = Stopwatch.GetTimestamp();

    public static HostCpu Start() => new();

    /// <summary>CPU time this process used since the start, in milliseconds per <paramref name="count"/> (e.g. per flip).</summary>
    public double MillisecondsPer(int count) => count <= 0 ? 0 : (Now() - _cpu).TotalMilliseconds / count;

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
