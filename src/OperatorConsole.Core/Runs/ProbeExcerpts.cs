using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runs;

/// <summary>
/// What a probe target answered can be anything the target chose to say, so the stored excerpt (at most a few KB) is
/// shown only to the roles that may run probes; everyone else sees the status, latency and verdict.
/// </summary>
public static class ProbeExcerpts
{
    public static bool MayRead(Actor actor) => actor.HasAny(RunService.Operators);

    public static RunbookRun For(Actor actor, RunbookRun run) =>
        MayRead(actor) ? run : run with { Steps = [.. run.Steps.Select(s => s with { ProbeResults = Hidden(s.ProbeResults) })] };

    public static IReadOnlyList<ProbeResult> For(Actor actor, IReadOnlyList<ProbeResult> probes) => MayRead(actor) ? probes : Hidden(probes);

    private static IReadOnlyList<ProbeResult> Hidden(IReadOnlyList<ProbeResult> probes) => [.. probes.Select(p => p with { BodyExcerpt = null })];
}
