using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.HealthChecks;

/// <summary>
/// Scheduled health checks: every role reads them; only an Admin creates, edits or deletes one (they are settings that
/// page people, like alert-matrix rules), refused in lockdown. Running one now and the demo failure control are open to
/// Admin and OnCall, as running a runbook probe is.
/// </summary>
public sealed class ScheduledCheckService(ChangeRunner changes, CheckAlerting alerting)
{
    public const Role Editors = Role.Admin;
    public const Role Runners = Role.Admin | Role.OnCall;

    public IReadOnlyList<CheckView> List() => changes.Store.Read(s => s.HealthChecks.All()
        .Select(c => new CheckView(c, s.HealthChecks.State(c.Id) ?? Initial(c), s.HealthChecks.History(c.Id, ScheduledCheckRules.HistoryKept)))
        .ToList());

    public CheckView Get(string id) => changes.Store.Read(s =>
        s.HealthChecks.Get(id) is { } c
            ? new CheckView(c, s.HealthChecks.State(c.Id) ?? Initial(c), s.HealthChecks.History(c.Id, ScheduledCheckRules.HistoryKept))
            : throw new NotFoundException($"No health check '{id}'."));

    public bool DemoFailing => changes.Store.Read(s => s.HealthChecks.DemoFailing());

    public static bool MayEdit(Actor actor) => actor.HasAny(Editors);

    public static bool MayRun(Actor actor) => actor.HasAny(Runners);

    public async Task<ScheduledCheck> CreateAsync(Actor actor, ScheduledCheckDefinition definition, bool demo = false)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(HealthCheckActions.Create, "health-check:new");
            var check = ScheduledCheckRules.Validate(definition, IdFor(definition.Name), c.Now, c.Now) with { Demo = demo };
            RequireUniqueName(c, check);
            if (c.Session.HealthChecks.Get(check.Id) is not null)
            {
                throw new ConflictException($"A health check with the id '{check.Id}' exists; choose another name.");
            }

            c.Session.HealthChecks.Upsert(check);
            c.Session.HealthChecks.SaveState(Initial(check));
            var entry = c.Record(HealthCheckActions.Create, Subject(check.Id), check);
            c.Publish(Topics.HealthChecks, HealthCheckEvents.Created, check.Id, $"Health check {check.Name} created", entry.Sequence);
            return check;
        });
    }

    public async Task<ScheduledCheck> EditAsync(Actor actor, string id, ScheduledCheckDefinition definition)
    {
        var (state, check) = await changes.RunAsync(actor, c =>
        {
            c.Require(HealthCheckActions.Edit, Subject(id));
            var existing = c.Session.HealthChecks.Get(id) ?? throw new NotFoundException($"No health check '{id}'.");
            var check = ScheduledCheckRules.Validate(definition, id, existing.CreatedAt, c.Now) with { Demo = existing.Demo };
            RequireUniqueName(c, check);
            c.Session.HealthChecks.Upsert(check);
            // An edited check runs at once, so its owner sees the new definition judged without waiting an interval.
            var due = (c.Session.HealthChecks.State(id) ?? Initial(check)) with { NextDueAt = c.Now };
            c.Session.HealthChecks.SaveState(due);
            var entry = c.Record(HealthCheckActions.Edit, Subject(id), check);
            c.Publish(Topics.HealthChecks, HealthCheckEvents.Edited, id, $"Health check {check.Name} edited", entry.Sequence);
            return (due, check);
        });
        await alerting.ReconcileAsync(check, state);
        return check;
    }

    public async Task DeleteAsync(Actor actor, string id)
    {
        var (check, state) = await changes.RunAsync(actor, c =>
        {
            c.Require(HealthCheckActions.Delete, Subject(id));
            var existing = c.Session.HealthChecks.Get(id) ?? throw new NotFoundException($"No health check '{id}'.");
            var last = c.Session.HealthChecks.State(id) ?? Initial(existing);
            c.Session.HealthChecks.Delete(id);
            var entry = c.Record(HealthCheckActions.Delete, Subject(id), new { id, name = existing.Name });
            c.Publish(Topics.HealthChecks, HealthCheckEvents.Deleted, id, $"Health check {existing.Name} deleted", entry.Sequence);
            return (existing, last);
        });

        // A deleted check can no longer recover, so a firing alert of it is resolved now rather than left open forever.
        await alerting.ResolveOrphanAsync(check, state);
    }

    /// <summary>The demo control: tells the demo targets served by this console to answer as failing (or healthy again).</summary>
    public Task SetDemoFailingAsync(Actor actor, bool failing) => changes.RunAsync(actor, c =>
    {
        c.Require(HealthCheckActions.DemoFailure, "health-check:demo");
        c.Session.HealthChecks.SaveDemoFailing(failing);
        // The demo checks run at once, so the change shows within seconds rather than after an interval.
        foreach (var demo in c.Session.HealthChecks.All().Where(k => k.Demo))
        {
            c.Session.HealthChecks.SaveState((c.Session.HealthChecks.State(demo.Id) ?? Initial(demo)) with { NextDueAt = c.Now });
        }

        var entry = c.Record(HealthCheckActions.DemoFailure, "health-check:demo", new { failing });
        c.Publish(Topics.HealthChecks, HealthCheckEvents.Demo, "demo", failing ? "Demo targets now fail" : "Demo targets healthy again", entry.Sequence);
        return failing;
    });

    public static CheckState Initial(ScheduledCheck check) => new(check.Id, check.CreatedAt);

    private static string Subject(string id) => $"health-check:{id}";

    private static string IdFor(string? name) => Slug.From(name ?? "") is { Length: > 0 } slug ? slug : "check";

    private static void RequireUniqueName(Change c, ScheduledCheck check)
    {
        if (c.Session.HealthChecks.All().Any(o => o.Id != check.Id && string.Equals(o.Name, check.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConflictException($"A health check named '{check.Name}' exists already.");
        }
    }
}
