using System.Diagnostics;
using System.Runtime;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Unmeasured flips in rounds until a round makes the JIT compile (almost) nothing more, or the budget runs out: a fresh
/// process recompiles every method it calls often (start-up's as well as the flip's) on one background thread, and on
/// two loaded cores that backlog takes minutes. That is warm-up, not work per flip (or per write). Used by the hub, pages and writes parts.
/// </summary>
internal static class JitWarmUp
{
    /// <summary>
    /// A round lasts at least this long: the runtime holds back its recompiling while new methods are still being compiled
    /// (100 ms at a time), so a round of a few fast flips (100 hub clients) could compile nothing and end the warm-up
    /// while thousands of methods still waited; they then compiled during the measured flips.
    /// </summary>
    private static readonly TimeSpan MinRound = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(Func<Task> flipOnce, int flipsPerRound, int quietRound, TimeSpan budget, TextWriter log)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < budget)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            var round = Stopwatch.GetTimestamp();
            for (var i = 0; i < flipsPerRound || Stopwatch.GetElapsedTime(round) < MinRound; i++)
            {
                await flipOnce();
            }

            if (JitInfo.GetCompiledMethodCount() - compiled <= quietRound)
            {
                return;
            }
        }

        log.WriteLine($"  ! the JIT was still busy after {budget.TotalSeconds:0} s of warm-up flips; the figures hold some warm-up");
    }
}
