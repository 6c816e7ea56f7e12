using Microsoft.Extensions.Options;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Rollback;

/// <summary>
/// 004's rollback checklist run live for one scope: started from the scope or an incident (then every step lands on
/// its timeline), each step with its evidence, two timers against the objective, the outcome filled in at the end.
/// A drill is the same run on a drill-target scope, recorded as a drill. The steps are in RollbackService.Steps.
/// </summary>
public sealed partial class RollbackService(ChangeRunner changes, ScopeService scopes, ProbeRunner probes, IOptions<RollbackOptions> options)
{
    public const Role Operators = Role.OnCall | Role.IncidentOwner | Role.ReleaseOwner | Role.Admin;

    public RollbackOptions Options => options.Value;

    public RollbackRun? Get(string id) => changes.Store.Read(s => s.Rollbacks.Get(id));

    public IReadOnlyList<RollbackRun> List(string? scopeId = null) => changes.Store.Read(s => s.Rollbacks.List(scopeId));

    public RollbackView View(RollbackRun run) => new(run, SafeStateTimer(run), IntegrityTimer(run));

    /// <summary>The view as <paramref name="viewer"/> may read it: probe excerpts only for roles that may run probes.</summary>
    public RollbackView ViewFor(Actor viewer, RollbackRun run) =>
        View(run with { Steps = [.. run.Steps.Select(s => s with { Probes = ProbeExcerpts.For(viewer, s.Probes) })] });

    public TimerState SafeStateTimer(RollbackRun run) => RollbackTimers.SafeState(run, changes.Now, Options.AmberFraction);

    public TimerState IntegrityTimer(RollbackRun run) => RollbackTimers.Integrity(run, changes.Now, Options.AmberFraction);

    /// <summary>
    /// Starts a rollback of <paramref name="scopeId"/> from its active manifest to its last known good. Step 1 is filled
    /// at once from the incident (or the scope). <paramref name="badPublishConfirmedAt"/> starts the timers; default now.
    /// </summary>
    public async Task<RollbackRun> StartAsync(
        Actor actor, string scopeId, string? incidentId = null, bool drill = false, DateTimeOffset? badPublishConfirmedAt = null)
    {
        var action = drill ? RollbackActions.Drill : RollbackActions.Start;
        return await changes.RunAsync(actor, c =>
        {
            c.Require(action, $"scope:{scopeId}");
            if (badPublishConfirmedAt > c.Now)
            {
                throw DomainValidationException.ForFields([new FieldProblem("badPublishConfirmedAt", "The bad publish cannot be confirmed in the future.")]);
            }

            var incident = string.IsNullOrWhiteSpace(incidentId) ? null : incidentId.Trim();

            var scope = c.Session.Scopes.Get(scopeId) ?? throw new NotFoundException($"No scope '{scopeId}'.");
            if (drill && !scope.DrillTarget)
            {
                throw new DomainValidationException($"Scope '{scopeId}' is not a drill target; drills run only on scopes marked as such.");
            }

            if (scope.ActiveManifestId is null || scope.LastKnownGoodId is null || scope.ActiveManifestId == scope.LastKnownGoodId)
            {
                throw new ConflictException($"Scope '{scopeId}' has nothing to roll back: its active manifest is already its last known good (or one is missing).");
            }

            if (c.Session.Rollbacks.List(scopeId).FirstOrDefault(r => r.Status == RollbackStatus.Running) is { } running)
            {
                throw new ConflictException($"Rollback {running.Id} of scope '{scopeId}' is still running (started by {running.StartedBy}).");
            }

            var record = incident is null ? null : c.Session.Incidents.Get(incident) ?? throw new NotFoundException($"No incident '{incident}'.");
            var run = new RollbackRun
            {
                Id = Guid.NewGuid().ToString("N")[..12],
                ScopeId = scope.Id,
                IncidentId = record?.Id,
                Drill = drill,
                StartedBy = c.Actor.DisplayName,
                StartedAt = c.Now,
                BadPublishConfirmedAt = badPublishConfirmedAt ?? c.Now,
                FromManifestId = scope.ActiveManifestId,
                TargetManifestId = scope.LastKnownGoodId,
                SafeStateWithin = Options.SafeStateWithin,
                IntegrityWithin = Options.IntegrityWithin,
                Steps = RollbackSteps.Checklist(),
            };
            var evidence = record is null
                ? [$"Scope {scope.Id} ({scope.Name}){(drill ? ", a drill target" : string.Empty)}", drill ? "Drill: no incident" : "Started from the scope; no incident named"]
                : new[] { $"Incident {record.Id}: {record.Title}", $"{record.Severity} · {record.Class} · {record.Status}", $"Scope {scope.Id} ({scope.Name})" };
            var entry = c.Record(action, Subject(run), new { run.ScopeId, run.IncidentId, run.Drill, run.FromManifestId, run.TargetManifestId, run.BadPublishConfirmedAt });
            run = run.WithStep(run.Step(RollbackSteps.Identify) with
            {
                DoneBy = c.Actor.DisplayName,
                DoneAt = c.Now,
                Summary = $"{(drill ? "Drill" : "Rollback")} of scope {scope.Id}: {run.FromManifestId} → {run.TargetManifestId}",
                Evidence = evidence,
                LedgerSequence = entry.Sequence,
            });
            c.Session.Rollbacks.Upsert(run);
            OnIncident(c, run, $"{(drill ? "Rollback drill" : "Rollback")} started for scope {scope.Id}", $"{run.FromManifestId} → {run.TargetManifestId} (rollback {run.Id})");
            if (!drill)
            {
                IncidentObligations.RollbackStarted(c, run.Id, scope.Id, run.IncidentId, entry.Sequence);
            }

            Published(c, run, "rollback.started", $"{c.Actor.DisplayName} started a {(drill ? "drill" : "rollback")} of {scope.Id}", entry.Sequence);
            return run;
        });
    }

    private static string Subject(RollbackRun run) => $"rollback:{run.Id}";

    private static void OnIncident(Change c, RollbackRun run, string text, string? detail)
    {
        if (run.IncidentId is not null)
        {
            IncidentTimeline.Append(c, run.IncidentId, TimelineKinds.Rollback, text, detail);
        }
    }

    private static void Published(Change c, RollbackRun run, string kind, string summary, long sequence)
    {
        c.Publish(Topics.Rollback(run.Id), kind, run.Id, summary, sequence);
        c.Publish(Topics.Rollbacks, kind, run.Id, summary, sequence);
    }

    private static RollbackRun Load(Change c, string runId) =>
        c.Session.Rollbacks.Get(runId) ?? throw new NotFoundException($"No rollback '{runId}'.");

    /// <summary>Refuses a step that is done, out of order, or on a finished run.</summary>
    private static RollbackStep Expect(RollbackRun run, int number)
    {
        if (run.Status == RollbackStatus.Completed)
        {
            throw new ConflictException($"Rollback {run.Id} is completed and read-only.");
        }

        var step = run.Step(number);
        if (step.IsDone)
        {
            throw new ConflictException($"Step {number} was already done by {step.DoneBy} at {step.DoneAt:yyyy-MM-dd HH:mm:ss} UTC.");
        }

        if (run.Current?.Number != number)
        {
            throw new ConflictException($"Step {run.Current?.Number} comes first: {run.Current?.Title}.");
        }

        return step;
    }

    /// <summary>The role gate alone, before a step's probes or reads; the step's write passes <see cref="Gate"/> again.</summary>
    private Task CheckAsync(Actor actor, string action, string runId) => changes.CheckAsync(actor, c => Gate(c, action, runId));

    private static void Gate(Change c, string action, string runId) => c.Require(action, $"rollback:{runId}");

    private RollbackRun Require(string runId, int number)
    {
        var run = Get(runId) ?? throw new NotFoundException($"No rollback '{runId}'.");
        Expect(run, number);
        return run;
    }
}
