using Microsoft.Extensions.Options;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Rollback;

/// <summary>
/// Whether 004's rollback objective is proven: only a passing drill within the configured window proves it
/// ("not considered proven until drill evidence exists"). Launch day reads this for its no-go rule.
/// </summary>
public sealed class RollbackObjective(ChangeRunner changes, IOptions<RollbackOptions> options)
{
    /// <summary>For one scope (its own drills) or, with null, for the console as a whole (any drill).</summary>
    public ObjectiveProof Proof(string? scopeId = null) => changes.Store.Read(s => Proof(s, changes.Now, scopeId));

    /// <summary>The same proof read inside an open session, so a gate in a write sees exactly what it commits against.</summary>
    public ObjectiveProof Proof(IStoreSession session, DateTimeOffset now, string? scopeId)
    {
        var window = options.Value.DrillProofWindow;
        var since = now - window;
        var drills = session.Rollbacks.Drills(scopeId);
        var passing = drills.FirstOrDefault(d => d.Outcome?.Passed == true && d.CompletedAt >= since);
        var what = scopeId is null ? "The rollback objective" : $"The rollback objective for {scopeId}";
        if (passing is not null)
        {
            return new ObjectiveProof(scopeId, true, window, passing,
                $"{what} is proven by drill {passing.Id} on {passing.ScopeId}, passed {passing.CompletedAt:yyyy-MM-dd HH:mm} UTC (window {window.TotalDays:0} days).");
        }

        var latest = drills.FirstOrDefault(d => d.Outcome?.Passed == true);
        var why = latest is null
            ? "no passing drill exists"
            : $"the last passing drill ({latest.Id}, {latest.CompletedAt:yyyy-MM-dd}) is older than {window.TotalDays:0} days";
        return new ObjectiveProof(scopeId, false, window, null, $"{what} is unproven: {why}.");
    }
}
