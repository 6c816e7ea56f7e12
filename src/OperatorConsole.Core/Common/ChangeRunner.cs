using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Common;

/// <summary>
/// The single path every Core service writes through: role check, change plus ledger entry in one
/// transaction, then the domain events once the commit is durable.
/// </summary>
public sealed class ChangeRunner(IConsoleStore store, ILiveEventPublisher publisher, TimeProvider clock)
{
    public IConsoleStore Store => store;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<T> RunAsync<T>(Actor actor, Func<Change, T> change, CancellationToken cancellationToken = default)
    {
        Change? committed = null;
        var result = await store.WriteAsync(
            session =>
            {
                // A fresh Change per attempt, so events of a rolled-back attempt are never published.
                var c = new Change(session, actor, clock.GetUtcNow());
                var value = change(c);
                committed = c;
                return value;
            },
            cancellationToken);

        foreach (var liveEvent in committed!.Events)
        {
            publisher.Publish(liveEvent);
        }

        return result;
    }

    /// <summary>
    /// Throws <see cref="AccessDeniedException"/> unless the actor holds one of the roles; a refusal
    /// is itself written to the ledger so that denied attempts show in investigations.
    /// </summary>
    public async Task RequireAsync(Actor actor, Role anyOf, string action, string subject)
    {
        if (actor.HasAny(anyOf))
        {
            return;
        }

        var needed = string.Join(" or ", Roles.Names(anyOf));
        await RecordDeniedAsync(actor, action, subject, new { reason = $"requires {needed}" });
        throw new AccessDeniedException($"{actor.DisplayName} may not {action.Replace('.', ' ')}: it requires the {needed} role.");
    }

    /// <summary>
    /// The one lockdown gate. Every MANAGEMENT action calls it after its role check and before its change: runbook
    /// imports, kill-switch create/edit and flips away from the safe state (and drills, which flip away), user and role
    /// changes, API key creation, guarded-policy and alert settings, scope and manifest registration, rebinds other than
    /// a return to the last known good, and every release step up to promotion.
    /// Reading, notes, evidence, decisions, incident lifecycle, runs and flips toward the safe state never call it.
    /// While the console is locked down it writes a 'denied' ledger entry and throws <see cref="LockedDownException"/>.
    /// A change that races the lockdown commits before it on the single writer, so the pre-halt snapshot includes it.
    /// </summary>
    public async Task RequireNotLockedDownAsync(Actor actor, string action, string subject)
    {
        var active = store.Read(s => s.Lockdown.Active());
        if (active is null)
        {
            return;
        }

        await RecordDeniedAsync(actor, action, subject, new { reason = "console in emergency lockdown", lockdownId = active.Id });
        throw new LockedDownException(LockdownMessages.Refusal(active));
    }

    private Task RecordDeniedAsync(Actor actor, string action, string subject, object payload)
    {
        // The subject often carries caller input; a control character in it must not turn the refusal into an error.
        var safeSubject = new string(subject.Where(ch => !char.IsControl(ch)).ToArray());
        return RunAsync(actor, c => c.Record(action, safeSubject, payload, LedgerOutcome.Denied));
    }
}
