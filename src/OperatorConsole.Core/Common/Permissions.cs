using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Core.Common;

/// <summary>
/// Who may perform an action, as the feature that owns the action declares it. <paramref name="Sentence"/> is the refusal
/// a person reads ("Only on-call engineers can engage a lockdown."); <paramref name="LockdownGated"/> says whether an
/// active lockdown blocks it.
/// </summary>
public sealed record ActionRule(string Action, Role AnyOf, string Sentence, bool LockdownGated = false)
{
    /// <summary>A rule whose sentence names the roles: "Only release owners and admins can promote a release."</summary>
    public static ActionRule Only(string action, Role anyOf, string doWhat, bool lockdownGated = false) =>
        new(action, anyOf, $"Only {Roles.Plural(anyOf)} can {doWhat}.", lockdownGated);
}

/// <summary>A feature's list of its actions; registered in DI so <see cref="Permissions"/> knows every action.</summary>
public interface IActionRules
{
    IEnumerable<ActionRule> Rules { get; }
}

/// <summary>The answer to "may this actor do this": when not, why, and which roles would.</summary>
public sealed record Permission(bool Allowed, string? Reason, Role RequiredRoles)
{
    public static readonly Permission Granted = new(true, null, Role.None);
}

/// <summary>
/// The one query pages and the API ask before offering or doing an action. It reads the actor's roles as stored now and
/// the lockdown state; the write itself checks the same rule again inside its transaction (<see cref="Change.Require(string, string)"/>).
/// </summary>
public sealed class Permissions(IConsoleStore store, ActionCatalog catalog)
{
    public ActionRule Rule(string action) => catalog.Rule(action);

    public IReadOnlyList<ActionRule> All => catalog.All;

    /// <summary>The answer for <paramref name="action"/>; an undeclared action is refused as input (400), never guessed.</summary>
    public Permission Check(Actor actor, string action, string? subject = null)
    {
        var rule = catalog.Rule(action);
        return store.Read(s => Decide(s, actor, rule));
    }

    /// <summary>Every declared action's answer for one actor, read in one go (a page or /api/me/permissions).</summary>
    public IReadOnlyDictionary<string, Permission> CheckAll(Actor actor) =>
        store.Read(s => catalog.All.ToDictionary(r => r.Action, r => Decide(s, actor, r), StringComparer.Ordinal));

    /// <summary>The roles <paramref name="actor"/> holds as stored now (none for a disabled user or a revoked key).</summary>
    public Role RolesOf(Actor actor) => store.Read(s => CurrentRoles.Of(s, actor));

    /// <summary>
    /// Whether the actor's roles allow at least one of <paramref name="actions"/>, a lockdown aside: a page asks this to
    /// know whether it offers the person anything to do at all, and a lockdown ends while the page is open.
    /// </summary>
    public bool MayPerformAnyOf(Actor actor, IEnumerable<string> actions)
    {
        var roles = RolesOf(actor);
        return actions.Any(a => (roles & catalog.Rule(a).AnyOf) != Role.None);
    }

    /// <summary>Every declared action's answer for whoever holds <paramref name="roles"/>, read in one go.</summary>
    public IReadOnlyDictionary<string, Permission> CheckAll(Role roles) =>
        store.Read(s => catalog.All.ToDictionary(r => r.Action, r => Decide(s, roles, r), StringComparer.Ordinal));

    /// <summary>The decision for one rule inside an open session (a write's own transaction, or a read).</summary>
    public static Permission Decide(IStoreSession session, Actor actor, ActionRule rule) => Decide(session, CurrentRoles.Of(session, actor), rule);

    private static Permission Decide(IStoreSession session, Role roles, ActionRule rule)
    {
        if ((roles & rule.AnyOf) == Role.None)
        {
            return new Permission(false, rule.Sentence, rule.AnyOf);
        }

        var lockdown = rule.LockdownGated ? session.Lockdown.Active() : null;
        return lockdown is null
            ? Permission.Granted
            : new Permission(false, LockdownMessages.Refusal(lockdown), rule.AnyOf);
    }
}
