using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Core.Incidents;

/// <summary>What an actor may do with an incident's people now; each refusal carries the sentence to show.</summary>
public sealed record IncidentRoleControls(Permission HandOver, Permission SetCommander, Permission Join, Permission Leave);

public sealed partial class IncidentService
{
    /// <summary>The people an incident can be handed to or commanded by: enabled users who may respond to incidents.</summary>
    public IReadOnlyList<IncidentPerson> AssignablePeople() => changes.Store.Read(s =>
        (IReadOnlyList<IncidentPerson>)[.. s.Users.All().Where(CanRespond).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => new IncidentPerson(u.Id, u.DisplayName))]);

    public IncidentRoleControls RoleControls(Actor actor, string id) => changes.Store.Read(s =>
    {
        var incident = s.Incidents.Get(id) ?? throw new NotFoundException($"No incident '{id}'.");
        var joined = incident.Responders.Any(r => r.Id == actor.Id);
        return new IncidentRoleControls(
            MayDirect(s, actor, incident, IncidentRoleActions.HandOverRule),
            MayDirect(s, actor, incident, IncidentRoleActions.SetCommanderRule),
            Unless(Permissions.Decide(s, actor, IncidentRoleActions.JoinRule), joined, "You are already working on this incident."),
            Unless(Permissions.Decide(s, actor, IncidentRoleActions.LeaveRule), !joined, "You are not among this incident's responders."));
    });

    /// <summary>Hands the incident to <paramref name="userId"/> (or assigns it when it has no owner).</summary>
    public async Task<Incident> HandOverAsync(Actor actor, string id, string? userId, string? note = null)
    {
        return await changes.RunAsync(actor, c =>
        {
            var incident = Directing(c, id, IncidentRoleActions.HandOverRule);
            var why = Optional(note, "Note", MaxTextLength);
            var to = Assignable(c, userId);
            if (incident.OwnerId == to.Id)
            {
                throw new ConflictException($"{to.Name} already owns {incident.Id}.");
            }

            var changed = incident with { Owner = to.Name, OwnerId = to.Id };
            Save(c, changed, IncidentRoleActions.HandOver, new { from = incident.OwnerId, to = to.Id, note = why });
            IncidentTimeline.Append(c, id, TimelineKinds.Assignment,
                incident.Owner is null ? $"Owner: {to.Name}" : $"Handed over from {incident.Owner} to {to.Name}", why);
            return changed;
        });
    }

    public async Task<Incident> SetCommanderAsync(Actor actor, string id, string? userId)
    {
        return await changes.RunAsync(actor, c =>
        {
            var incident = Directing(c, id, IncidentRoleActions.SetCommanderRule);
            var commander = Assignable(c, userId);
            if (incident.Commander?.Id == commander.Id)
            {
                throw new ConflictException($"{commander.Name} already commands {incident.Id}.");
            }

            var changed = incident with { Commander = commander };
            Save(c, changed, IncidentRoleActions.SetCommander, new { from = incident.Commander?.Id, to = commander.Id });
            IncidentTimeline.Append(c, id, TimelineKinds.Assignment, $"Incident commander: {commander.Name}");
            return changed;
        });
    }

    /// <summary>"I'm working on this": the actor joins the incident's responders.</summary>
    public async Task<Incident> JoinAsync(Actor actor, string id)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentRoleActions.JoinRule.AnyOf, IncidentRoleActions.Join, $"incident:{id}");
            var incident = LoadOpen(c, id);
            if (!IsPerson(c.Actor))
            {
                throw new DomainValidationException("Only a signed-in person can join an incident's responders.");
            }

            if (incident.Responders.Any(r => r.Id == c.Actor.Id))
            {
                throw new ConflictException($"{c.Actor.DisplayName} is already working on {incident.Id}.");
            }

            var changed = incident with { Responders = [.. incident.Responders, new IncidentResponder(c.Actor.Id, c.Actor.DisplayName, c.Now)] };
            Save(c, changed, IncidentRoleActions.Join, new { responder = c.Actor.Id });
            IncidentTimeline.Append(c, id, TimelineKinds.Assignment, $"{c.Actor.DisplayName} is working on this");
            return changed;
        });
    }

    public async Task<Incident> LeaveAsync(Actor actor, string id)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentRoleActions.LeaveRule.AnyOf, IncidentRoleActions.Leave, $"incident:{id}");
            var incident = Load(c, id);
            if (incident.Responders.All(r => r.Id != c.Actor.Id))
            {
                throw new ConflictException($"{c.Actor.DisplayName} is not among {incident.Id}'s responders.");
            }

            var changed = incident with { Responders = [.. incident.Responders.Where(r => r.Id != c.Actor.Id)] };
            Save(c, changed, IncidentRoleActions.Leave, new { responder = c.Actor.Id });
            IncidentTimeline.Append(c, id, TimelineKinds.Assignment, $"{c.Actor.DisplayName} stopped working on this");
            return changed;
        });
    }

    /// <summary>
    /// The rule for directing an incident (hand-over, commander): its role, and then being the incident's owner unless the
    /// actor holds the incident owner role. Read inside the write as well, so ownership cannot change in between.
    /// </summary>
    public static Permission MayDirect(IStoreSession session, Actor actor, Incident incident, ActionRule rule)
    {
        var permission = Permissions.Decide(session, actor, rule);
        var directs = (CurrentRoles.Of(session, actor) & Owners) != Role.None || incident.OwnerId == actor.Id;
        return !permission.Allowed || directs ? permission : new Permission(false, rule.Sentence, Owners);
    }

    /// <summary>The role gate, the incident (open), then <see cref="MayDirect"/>; a refusal is ledgered.</summary>
    private static Incident Directing(Change c, string id, ActionRule rule)
    {
        c.Require(rule.AnyOf, rule.Action, $"incident:{id}");
        var incident = LoadOpen(c, id);
        var may = MayDirect(c.Session, c.Actor, incident, rule);
        if (!may.Allowed)
        {
            c.Refuse(rule.Action, $"incident:{id}", new { reason = "not the incident's owner" },
                new AccessDeniedException($"{c.Actor.DisplayName} may not do this on {id}: {may.Reason}"));
        }

        return incident;
    }

    private static Incident LoadOpen(Change c, string id)
    {
        var incident = Load(c, id);
        return incident.Status == IncidentStatus.Closed
            ? throw new ConflictException($"{incident.Id} is closed; reopen it to change who works on it.")
            : incident;
    }

    private static IncidentPerson Assignable(Change c, string? userId)
    {
        var user = string.IsNullOrWhiteSpace(userId) ? null : c.Session.Users.Get(UserService.IdOf(userId));
        return user is not null && CanRespond(user)
            ? new IncidentPerson(user.Id, user.DisplayName)
            : throw DomainValidationException.ForFields([new FieldProblem("userId",
                string.IsNullOrWhiteSpace(userId) ? "Choose a person." : $"'{userId}' is not an enabled user who can respond to incidents.")]);
    }

    private static bool CanRespond(User user) => !user.Disabled && (user.Roles & Responders) != Role.None;

    private static Permission Unless(Permission permission, bool condition, string reason) =>
        permission.Allowed && condition ? new Permission(false, reason, permission.RequiredRoles) : permission;
}
