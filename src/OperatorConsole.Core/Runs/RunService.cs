using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Core.Runs;

public sealed class RunService(ChangeRunner changes, ProbeRunner probes)
{
    public const Role Operators = Role.OnCall | Role.IncidentOwner | Role.ReleaseOwner | Role.Admin;
    public const int MaxNoteLength = 2000;
    public const int MaxOutputLength = 64 * 1024;

    public RunbookRun? Get(string id) => changes.Store.Read(s => s.Runs.Get(id));

    public IReadOnlyList<RunbookRun> List(string? runbookSlug = null) => changes.Store.Read(s => s.Runs.List(runbookSlug));

    /// <summary>One page of the runs list, filtered and ordered (<see cref="RunSearch"/>).</summary>
    public RunSearchResult Search(RunQuery query) => RunSearch.Apply(changes.Store.Read(s => s.Runs.List(null, RunQuery.MaxScanned)), query);

    /// <summary>
    /// Starts a run of a whole runbook, or of one part of it (<paramref name="section"/> and its
    /// sub-sections), e.g. the "Runbook: publish failure" part of seed 004 for that incident class.
    /// </summary>
    public async Task<RunbookRun> StartAsync(Actor actor, string slug, int? version = null, string? incidentId = null, string? section = null)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(RunActions.Start, $"runbook:{slug}");
            return Start(c, slug, version, incidentId, section);
        });
    }

    /// <summary>
    /// Starts, on an incident, the part of the operations runbook its class names (<see cref="IncidentCatalog"/>), e.g.
    /// "Runbook: publish failure" for a publish failure.
    /// </summary>
    public async Task<RunbookRun> StartForIncidentAsync(Actor actor, string incidentId)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(RunActions.Start, $"runbook:{IncidentCatalog.ClassRunbookSlug}");
            var incident = c.Session.Incidents.Get(incidentId) ?? throw new NotFoundException($"No incident '{incidentId}'.");
            var section = IncidentCatalog.Info(incident.Class).RunbookSection;
            if (section.Length == 0)
            {
                throw new ConflictException($"The class of {incident.Id} names no runbook section to run.");
            }

            return Start(c, IncidentCatalog.ClassRunbookSlug, version: null, incident.Id, section);
        });
    }

    private static RunbookRun Start(Change c, string slug, int? version, string? incidentId, string? section)
    {
        var runbook = c.Session.Runbooks.Get(slug, version) ?? throw new NotFoundException($"No runbook '{slug}'.");
        var sections = string.IsNullOrWhiteSpace(section) ? runbook.Sections : runbook.Part(section);
        if (sections.Count == 0)
        {
            throw new NotFoundException($"{runbook.Title} has no section '{section}'.");
        }

        if (RunRules.WhyNotStart(runbook, sections) is { } refusal)
        {
            throw new DomainValidationException(refusal);
        }

        var run = new RunbookRun
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            RunbookSlug = runbook.Slug,
            RunbookVersion = runbook.Version,
            RunbookTitle = string.IsNullOrWhiteSpace(section) ? runbook.Title : $"{runbook.Title} — {sections[0].Title}",
            IncidentId = string.IsNullOrWhiteSpace(incidentId) ? null : incidentId.Trim(),
            StartedBy = c.Actor.DisplayName,
            StartedAt = c.Now,
            Steps = [.. sections.SelectMany(part => part.Steps.Select(step => new RunStep
            {
                StepId = step.Id,
                SectionTitle = part.Title,
                Definition = step,
            }))],
        };
        c.Session.Runs.Upsert(run);
        OnIncident(c, run, $"Runbook run started: {run.RunbookTitle}", $"run {run.Id}");
        var entry = c.Record(RunActions.Start, $"run:{run.Id}", new { runbook = runbook.Id, steps = run.Steps.Count, incident = run.IncidentId });
        c.Publish(Topics.Runs, "run.started", run.Id, run.RunbookTitle, entry.Sequence);
        return run;
    }

    /// <summary>Checks a step off. The first check wins; a second one is refused and told who was first.</summary>
    public async Task<RunbookRun> CheckStepAsync(Actor actor, string runId, string stepId, string? note = null, string? output = null)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(RunActions.CheckStep, $"run:{runId}/{stepId}");
            if (note?.Length > MaxNoteLength)
            {
                throw new DomainValidationException($"The note is longer than {MaxNoteLength} characters.");
            }

            if (output?.Length > MaxOutputLength)
            {
                throw new DomainValidationException($"The pasted output is longer than {MaxOutputLength / 1024} KB; paste the relevant part.");
            }

            var run = OpenRun(c, runId);
            var step = run.Step(stepId);
            EnsureOpen(step);
            var updated = run.WithStep(step with
            {
                CheckedBy = c.Actor.DisplayName,
                CheckedAt = c.Now,
                Note = Blank(note),
                Output = Blank(output),
            });
            c.Session.Runs.Upsert(updated);
            OnIncident(c, run, $"Step done: {step.Definition.Text}", Blank(note));
            var entry = c.Record(RunActions.CheckStep, $"run:{runId}/{stepId}", new { note = Blank(note), outputLength = output?.Length ?? 0 });
            c.Publish(Topics.Run(runId), "run.step-checked", stepId, step.Definition.Text, entry.Sequence);
            c.Publish(Topics.Runs, "run.progressed", runId, $"{updated.DoneCount}/{updated.Steps.Count}", entry.Sequence);
            return updated;
        });
    }

    /// <summary>
    /// Executes a probe step on the server and records the result. A passing probe checks the step;
    /// a failing one is kept in the step's history so the operator can act and probe again.
    /// </summary>
    public async Task<ProbeResult> RunProbeAsync(Actor actor, string runId, string stepId, CancellationToken cancellationToken = default)
    {
        void MayProbe(Change c) => c.Require(RunActions.Probe, $"run:{runId}/{stepId}");
        await changes.CheckAsync(actor, MayProbe, cancellationToken);

        // Refuse before calling out, so a finished run or step never sends traffic to the target;
        // the same rules are checked again inside the transaction that records the result.
        var run = Get(runId) ?? throw new NotFoundException($"No run '{runId}'.");
        EnsureOpen(run);
        EnsureOpen(run.Step(stepId));
        var spec = run.Step(stepId).Definition.Probe ?? throw new DomainValidationException($"Step {stepId} is not a probe step.");
        var result = await probes.RunAsync(spec, actor.DisplayName, cancellationToken);
        await changes.RunAsync(actor, c =>
        {
            MayProbe(c);
            var current = OpenRun(c, runId);
            var step = current.Step(stepId);
            EnsureOpen(step);
            var recorded = step with { ProbeResults = [.. step.ProbeResults, result] };
            if (result.Passed)
            {
                recorded = recorded with { CheckedBy = c.Actor.DisplayName, CheckedAt = c.Now, Output = result.Summary };
            }

            c.Session.Runs.Upsert(current.WithStep(recorded));
            OnIncident(c, current, $"Probe {(result.Passed ? "passed" : "failed")}: {result.Method} {result.Url}", result.Summary);
            var entry = c.Record(RunActions.Probe, $"run:{runId}/{stepId}", new { result.Url, result.StatusCode, result.LatencyMs, result.Passed },
                result.Passed ? Audit.LedgerOutcome.Allowed : Audit.LedgerOutcome.Failed);
            c.Publish(Topics.Run(runId), "run.probe-recorded", stepId, result.Summary, entry.Sequence);
            c.Publish(Topics.Runs, "run.progressed", runId, result.Summary, entry.Sequence);
            return true;
        }, cancellationToken);
        return result;
    }

    public async Task<RunbookRun> CompleteAsync(Actor actor, string runId)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(RunActions.Complete, $"run:{runId}");
            var run = OpenRun(c, runId);
            if (RunRules.WhyNotComplete(run) is { } refusal)
            {
                throw new DomainValidationException(refusal);
            }

            var completed = run with { Status = RunStatus.Completed, CompletedBy = c.Actor.DisplayName, CompletedAt = c.Now };
            c.Session.Runs.Upsert(completed);
            OnIncident(c, run, $"Runbook run completed: {run.RunbookTitle}", $"run {run.Id}");
            var entry = c.Record(RunActions.Complete, $"run:{runId}", new { runbook = $"{run.RunbookSlug}@{run.RunbookVersion}", steps = run.Steps.Count });
            c.Publish(Topics.Run(runId), "run.completed", runId, run.RunbookTitle, entry.Sequence);
            c.Publish(Topics.Runs, "run.completed", runId, run.RunbookTitle, entry.Sequence);
            return completed;
        });
    }

    private static RunbookRun OpenRun(Change c, string runId)
    {
        var run = c.Session.Runs.Get(runId) ?? throw new NotFoundException($"No run '{runId}'.");
        EnsureOpen(run);
        return run;
    }

    private static void EnsureOpen(RunbookRun run)
    {
        if (run.Status == RunStatus.Completed)
        {
            throw new ConflictException($"Run {run.Id} was completed by {run.CompletedBy} and is read-only.");
        }
    }

    private static void EnsureOpen(RunStep step)
    {
        if (step.IsDone)
        {
            throw new ConflictException($"Step {step.StepId} was already checked by {step.CheckedBy} at {step.CheckedAt:yyyy-MM-dd HH:mm:ss} UTC.");
        }
    }

    /// <summary>A run tied to an incident writes each of its steps onto that incident's timeline.</summary>
    private static void OnIncident(Change c, RunbookRun run, string text, string? detail)
    {
        if (run.IncidentId is not null)
        {
            IncidentTimeline.Append(c, run.IncidentId, TimelineKinds.Runbook, text, detail);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
