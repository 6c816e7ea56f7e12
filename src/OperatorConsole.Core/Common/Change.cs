using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Core.Common;

/// <summary>
/// What a service sees while its change runs inside the store transaction: the session, who acts,
/// the time, the gates that may refuse the change, and the two obligations of every change — a
/// ledger entry and the events to publish. Gates read the same transaction the change commits in,
/// so nothing can change between a check and the write it allows.
/// </summary>
public sealed class Change
{
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);
    private readonly List<LiveEvent> _events = [];
    private readonly ActionCatalog _catalog;

    internal Change(IStoreSession session, Actor actor, DateTimeOffset now, ActionCatalog catalog)
    {
        Session = session;
        Actor = actor;
        Now = now;
        _catalog = catalog;
    }

    public IStoreSession Session { get; }

    public Actor Actor { get; }

    public DateTimeOffset Now { get; }

    internal IReadOnlyList<LiveEvent> Events => _events;

    /// <summary>
    /// The gate of a declared action (see <see cref="Permissions"/>), first in every change so that a role is checked
    /// before any state (a Viewer is told 403, never 404 or 409); when the rule says so, the lockdown gate follows at
    /// once. It uses the actor's roles as stored now: a user whose roles changed or whose account was disabled since
    /// signing in, or an API key revoked since the request began, is refused with the rule's sentence.
    /// </summary>
    public void Require(string action, string subject)
    {
        var rule = _catalog.Rule(action);
        RequireRole(rule.AnyOf, action, subject, rule.Sentence);
        if (rule.LockdownGated)
        {
            RequireNotLockedDown(action, subject);
        }
    }

    /// <summary>
    /// The gate of a declared rule chosen at run time (a lifecycle move, whose role depends on the target), ledgered as
    /// <paramref name="action"/>.
    /// </summary>
    public void Require(ActionRule rule, string action, string subject)
    {
        RequireRole(rule.AnyOf, action, subject, rule.Sentence);
        if (rule.LockdownGated)
        {
            RequireNotLockedDown(action, subject);
        }
    }

    /// <summary>
    /// The role gate for an action whose role is chosen at run time (a configurable guarded action, a lifecycle move
    /// whose role depends on the target). A declared action with the same roles refuses with its sentence.
    /// </summary>
    public void Require(Role anyOf, string action, string subject)
    {
        var sentence = _catalog.IsDeclared(action) && _catalog.Rule(action).AnyOf == anyOf
            ? _catalog.Rule(action).Sentence
            : $"Only {Roles.Plural(anyOf)} can do this.";
        RequireRole(anyOf, action, subject, sentence);
    }

    /// <summary>Whether the actor holds one of <paramref name="anyOf"/> as stored now (see <see cref="Require(string, string)"/>).</summary>
    public bool Holds(Role anyOf) => (CurrentRoles.Of(Session, Actor) & anyOf) != Role.None;

    private void RequireRole(Role anyOf, string action, string subject, string sentence)
    {
        if (!Holds(anyOf))
        {
            Refuse(action, subject, new { reason = $"requires {string.Join(" or ", Roles.Names(anyOf))}" }, new AccessDeniedException(sentence));
        }
    }

    /// <summary>
    /// The one lockdown gate. Every MANAGEMENT action calls it after its role check: runbook imports, kill-switch
    /// create/edit and flips away from the safe state (and drills, which flip away), user and role changes, API key
    /// creation, guarded-policy and alert settings, scope and manifest registration, rebinds other than a return to the
    /// last known good, and every release step up to promotion. Reading, notes, evidence, decisions, incident
    /// lifecycle, runs and flips toward the safe state never call it. A change ordered before the engage on the single
    /// writer commits before it (and is in the pre-halt snapshot); one ordered after is refused with
    /// <see cref="LockedDownException"/>.
    /// </summary>
    public void RequireNotLockedDown(string action, string subject)
    {
        var active = Session.Lockdown.Active();
        if (active is not null)
        {
            Refuse(action, subject, new { reason = "console in emergency lockdown", lockdownId = active.Id },
                new LockedDownException(LockdownMessages.Refusal(active)));
        }
    }

    /// <summary>
    /// Refuses the change: whatever it wrote is rolled back, a 'denied' ledger entry for <paramref name="action"/> on
    /// <paramref name="subject"/> with <paramref name="payload"/> commits instead, and the caller gets
    /// <paramref name="refusal"/> once that entry is durable.
    /// </summary>
    [DoesNotReturn]
    public void Refuse(string action, string subject, object payload, Exception refusal) =>
        throw new ChangeRefusal(action, subject, payload, refusal);

    /// <summary>Appends the ledger entry for this change; returns it so events can cite it.</summary>
    public LedgerEntry Record(string action, string subject, object payload, string outcome = LedgerOutcome.Allowed)
    {
        var entry = LedgerHasher.Link(
            Session.Ledger.Head(), Now, Actor.Id, action, subject, outcome, JsonSerializer.Serialize(payload, PayloadJson));
        Session.Ledger.Append(entry);
        Publish(Topics.Ledger, "ledger.appended", entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), action, entry.Sequence);
        return entry;
    }

    /// <summary>
    /// Queues an event; it is published only after the transaction has committed. <paramref name="version"/> is the
    /// feature's own version counter where it has one (kill switches), so a client can tell what it has seen;
    /// <paramref name="state"/> is the subject's new state, so a client needs no read-back.
    /// </summary>
    public void Publish(
        string topic, string kind, string subject, string? summary = null, long? ledgerSequence = null, long? version = null, object? state = null) =>
        _events.Add(new LiveEvent(
            topic, kind, subject, Actor.DisplayName, Now, summary, ledgerSequence, version,
            state is null ? null : JsonSerializer.SerializeToElement(state, state.GetType(), LiveEvent.Json)));
}
