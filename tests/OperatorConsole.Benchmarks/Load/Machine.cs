using System.Runtime;
using System.Runtime.InteropServices;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>The machine a run was taken on: cores, memory and load average (from /proc on Linux).</summary>
public sealed record Machine(int Cores, string Memory, string LoadAverage, string Runtime, string Os)
{
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        Read("/proc/meminfo", lines => lines.FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } total
            ? $"{long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024.0:0.#} GB"
            : "unknown"),
        Read("/proc/loadavg", lines => string.Join(' ', lines.FirstOrDefault()?.Split(' ').Take(3) ?? ["unknown"])),
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription);

    public override string ToString() =>
        $"{Cores} cores, {Memory} RAM, load average {LoadAverage}, {Runtime} ({(GCSettings.IsServerGC ? "server" : "workstation")} GC in the host's process), {Os}";

    private static string Read(string path, Func<string[], string> parse) => File.Exists(path) ? parse(File.ReadAllLines(path)) : "unknown";
}
