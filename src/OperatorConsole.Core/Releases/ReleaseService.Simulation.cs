using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Releases;

public sealed partial class ReleaseService
{
    /// <summary>Whether this console offers <see cref="SimulateShadowCyclesAsync"/> (the demo only).</summary>
    public bool SimulatesShadowCycles => options.Value.SimulateShadowCycles;

    /// <summary>
    /// Demo only: reports the candidate's remaining shadow cycles as a serving service would, through the same report
    /// (<see cref="ReportShadowCyclesAsync"/>): ledgered as a shadow report by the person who asked, marked as simulated.
    /// </summary>
    public async Task<Release> SimulateShadowCyclesAsync(Actor actor, string? scopeId)
    {
        var scope = ScopeOf(scopeId);
        await changes.CheckAsync(actor, c => c.Require(ReleaseActions.SimulateShadow, $"scope:{scope}"));
        if (!SimulatesShadowCycles)
        {
            throw new ConflictException("Shadow cycles can be simulated only in the demo; here the serving service reports them.");
        }

        var candidate = changes.Store.Read(s => s.Releases.List(scope).FirstOrDefault(r => r.IsCandidate))
            ?? throw new ConflictException($"Scope '{scope}' has no candidate in shadow to simulate cycles for.");
        var remaining = Math.Max(1, candidate.ShadowTarget - candidate.ShadowCycles);
        return await ReportShadowCyclesAsync(actor, scope, remaining, operatorId: "demo simulation");
    }
}
