using System.Globalization;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// CPU time of the Chromium processes this tool started (every descendant of this process, read from /proc), the page
/// renderers (<c>--type=renderer</c>) apart from the rest (browser, GPU, network, Playwright's driver). The pages share
/// the host's two cores, so what they take per flip is time the host and the other pages wait for. Linux only: elsewhere
/// it reads nothing and says so.
/// </summary>
internal sealed class BrowserCpu
{
    private static readonly double TicksPerMs = 100 / 1000.0; // USER_HZ: 100 on every Linux the tool runs on.

    private readonly (long Renderers, long Others)? _start = Read();

    public static BrowserCpu Start() => new();

    /// <summary>The renderers' and the other browser processes' CPU milliseconds since the start, per <paramref name="count"/>; null without /proc.</summary>
    public (double Renderers, double Others)? MillisecondsPer(int count) =>
        _start is { } start && Read() is { } now && count > 0
            ? ((now.Renderers - start.Renderers) / TicksPerMs / count, (now.Others - start.Others) / TicksPerMs / count)
            : null;

    /// <summary>The renderers' and the other processes' CPU per <paramref name="count"/>, in words.</summary>
    public static string Describe((double Renderers, double Others)? perFlip) => perFlip is { } cpu
        ? $"Chromium renderers' CPU {cpu.Renderers:0.#} ms, the browser's other processes and Playwright's driver {cpu.Others:0.#} ms"
        : "browser CPU not read (no /proc)";

    /// <summary>
    /// Clock ticks used so far by the live descendants of this process. A process that ended in the window (a page
    /// closed) drops out; the pages stay open while they are measured.
    /// </summary>
    private static (long Renderers, long Others)? Read()
    {
        if (!Directory.Exists("/proc/self"))
        {
            return null;
        }

        var stats = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } stat)
            {
                stats[pid] = stat;
            }
        }

        var children = stats.ToLookup(s => s.Value.Parent, s => s.Key);
        long renderers = 0, others = 0;
        var pending = new Stack<int>(children[Environment.ProcessId]);
        while (pending.TryPop(out var pid))
        {
            if (IsRenderer(pid))
            {
                renderers += stats[pid].Ticks;
            }
            else
            {
                others += stats[pid].Ticks;
            }

            foreach (var child in children[pid])
            {
                pending.Push(child);
            }
        }

        return (renderers, others);
    }

    private static (int Parent, long Ticks)? Stat(int pid)
    {
        try
        {
            // The command name (field 2) is in parentheses and may hold spaces: the fields are counted after it.
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (parent, ticks);
        }
        catch (IOException)
        {
            return null; // ended meanwhile
        }
    }

    private static bool IsRenderer(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("--type=renderer", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
