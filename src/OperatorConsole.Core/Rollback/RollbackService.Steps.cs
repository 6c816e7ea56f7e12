using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Rollback;

public sealed partial class RollbackService
{
    private const int ProbeTimeoutMs = 5000;

    /// <summary>Step 2: the active and the last known good side by side, and what the resolver serves right now.</summary>
    public async Task<RollbackRun> ConfirmTargetsAsync(Actor actor, string runId, CancellationToken cancellationToken = default)
    {
        await CheckAsync(actor, "rollback.confirm-targets", runId);
        var run = Require(runId, RollbackSteps.ConfirmTargets);
        var scope = scopes.Get(run.ScopeId)!;
        var probe = scope.ResolverProbeUrl is null ? null : await probes.RunAsync(GetProbe(scope.ResolverProbeUrl), actor.DisplayName, cancellationToken);
        return await changes.RunAsync(actor, c =>
        {
            Gate(c, "rollback.confirm-targets", runId);
            var current = Load(c, runId);
            var step = Expect(current, RollbackSteps.ConfirmTargets);
            var now = c.Session.Scopes.Get(current.ScopeId)!;
            if (now.ActiveManifestId != current.FromManifestId)
            {
                throw new ConflictException($"The active manifest of {current.ScopeId} changed to {now.ActiveManifestId} since the rollback started; start a new one.");
            }

            var active = c.Session.Scopes.GetManifest(current.FromManifestId)!.Summary();
            var target = c.Session.Scopes.GetManifest(current.TargetManifestId)!.Summary();
            var entry = c.Record("rollback.confirm-targets", Subject(current), new { active = active.Id, lastKnownGood = target.Id, probe = probe?.Summary });
            var updated = current.WithStep(step with
            {
                DoneBy = c.Actor.DisplayName,
                DoneAt = c.Now,
                Summary = $"Active {active.Id} (version {active.Version}); last known good {target.Id} (version {target.Version})",
                Active = active,
                LastKnownGood = target,
                Probes = probe is null ? [] : [probe],
                Evidence = [probe is null ? "No resolver probe configured for this scope" : $"Resolver {(probe.Passed ? "answered" : "FAILED")}: {probe.Summary}"],
                LedgerSequence = entry.Sequence,
            });
            c.Session.Rollbacks.Upsert(updated);
            OnIncident(c, updated, "Rollback step 2: active and last known good confirmed", updated.Step(RollbackSteps.ConfirmTargets).Summary);
            Published(c, updated, "rollback.step", $"Step 2 done: {updated.Step(RollbackSteps.ConfirmTargets).Summary}", entry.Sequence);
            return updated;
        }, cancellationToken);
    }

    /// <summary>Step 3, first half: the confirmation token for rebinding the scope to its last known good.</summary>
    public async Task<GuardedRequest> RequestRebindAsync(Actor actor, string runId)
    {
        await CheckAsync(actor, "rollback.request-rebind", runId);
        var run = Require(runId, RollbackSteps.Rebind);
        return await scopes.RequestRebindAsync(actor, run.ScopeId, run.TargetManifestId);
    }

    /// <summary>Step 3, second half: the rebind itself (through the scope's one rebind path), then its evidence. Starts nothing else.</summary>
    public async Task<RollbackRun> ConfirmRebindAsync(Actor actor, string runId, string token)
    {
        await CheckAsync(actor, "rollback.rebind", runId);
        var run = Require(runId, RollbackSteps.Rebind);
        var result = await scopes.RebindAsync(
            actor, token, run.ScopeId, run.TargetManifestId, $"{(run.Drill ? "Rollback drill" : "Rollback")} {run.Id} to last known good", run.Id);
        return await changes.RunAsync(actor, c =>
        {
            Gate(c, "rollback.rebind", runId);
            var current = Load(c, runId);
            var step = Expect(current, RollbackSteps.Rebind);
            var entry = c.Record("rollback.rebind", Subject(current), new { rebindLedgerSequence = result.LedgerSequence, active = result.Active.Id, version = result.Scope.Version });
            var updated = current.WithStep(step with
            {
                DoneBy = c.Actor.DisplayName,
                DoneAt = c.Now,
                Summary = $"Active pointer of {result.Scope.Id} now {result.Active.Id} (version {result.Active.Version}, binding v{result.Scope.Version})",
                Evidence =
                [
                    $"Publisher response: {result.Scope.Id} active = {result.Active.Id}, last known good = {result.Scope.LastKnownGoodId}, confirmed by {result.ConfirmedBy}",
                    $"Audit event: ledger entry #{result.LedgerSequence} (scope.rebind)",
                ],
                LedgerSequence = result.LedgerSequence,
            }) with { SafeStateAt = c.Now };
            c.Session.Rollbacks.Upsert(updated);
            OnIncident(c, updated, $"Rollback step 3: {result.Scope.Id} rebound to last known good {result.Active.Id}", $"ledger #{result.LedgerSequence}");
            Published(c, updated, "rollback.step", $"Step 3 done: {updated.Step(RollbackSteps.Rebind).Summary}", entry.Sequence);
            return updated;
        });
    }

    /// <summary>Step 4: recompute SHA-256 over the stored content and the pack read back from the scope; done only when all match.</summary>
    public async Task<RollbackRun> VerifyChecksumsAsync(Actor actor, string runId, CancellationToken cancellationToken = default)
    {
        await CheckAsync(actor, "rollback.verify-checksums", runId);
        var run = Require(runId, RollbackSteps.Checksums);
        var report = await scopes.VerifyAsync(run.TargetManifestId, scopes.Get(run.ScopeId)!.PackProbeUrl, cancellationToken);
        var lines = report.Checks.Select(k => k.Describe()).ToList();
        return await changes.RunAsync(actor, c =>
        {
            Gate(c, "rollback.verify-checksums", runId);
            var current = Load(c, runId);
            var step = Expect(current, RollbackSteps.Checksums) with { Checksums = report };
            var entry = c.Record("rollback.verify-checksums", Subject(current), new { report.ManifestId, checks = report.Checks.Select(k => new { k.Name, k.Match, k.Source }) },
                report.AllMatch ? LedgerOutcome.Allowed : LedgerOutcome.Failed);
            var text = report.AllMatch ? "All checksums match" : "Checksum mismatch: " + string.Join("; ", report.Checks.Where(k => !k.Match).Select(k => k.Name));
            var updated = report.AllMatch
                ? current.WithStep(step with { DoneBy = c.Actor.DisplayName, DoneAt = c.Now, Summary = text, Evidence = lines, LedgerSequence = entry.Sequence }) with { IntegrityConfirmedAt = c.Now }
                : current.WithStep(step with { Evidence = lines, Attempts = [.. step.Attempts, $"{c.Now:HH:mm:ss} UTC {c.Actor.DisplayName}: {text}"] });
            c.Session.Rollbacks.Upsert(updated);
            OnIncident(c, updated, $"Rollback step 4: {text}", string.Join("\n", lines));
            Published(c, updated, "rollback.step", $"Step 4: {text}", entry.Sequence);
            return updated;
        }, cancellationToken);
    }

    /// <summary>
    /// Step 5: probe the resolver (which must now name the last known good) and the rules API. When both pass, step 6
    /// is filled in at once: timestamps and the outcome against the objective, and the run is completed.
    /// </summary>
    public async Task<RollbackRun> ProbeAsync(Actor actor, string runId, CancellationToken cancellationToken = default)
    {
        await CheckAsync(actor, "rollback.probe", runId);
        var run = Require(runId, RollbackSteps.Probe);
        var scope = scopes.Get(run.ScopeId)!;
        var results = new List<ProbeResult>();
        foreach (var url in new[] { scope.ResolverProbeUrl, scope.RulesProbeUrl }.OfType<string>())
        {
            results.Add(await probes.RunAsync(GetProbe(url), actor.DisplayName, cancellationToken));
        }

        var resolverNamesTarget = scope.ResolverProbeUrl is null || ResolverAnswer.Names(results[0].BodyExcerpt, run.TargetManifestId);
        var passed = results.Count > 0 && results.All(r => r.Passed) && resolverNamesTarget;
        var lines = results.Select(r => $"{(r.Passed ? "passed" : "FAILED")}: {r.Method} {r.Url} — {r.Summary}").ToList();
        if (!resolverNamesTarget)
        {
            lines.Add($"The resolver does not name {run.TargetManifestId}");
        }

        if (results.Count == 0)
        {
            lines.Add("No resolver or rules probe configured for this scope");
        }

        return await changes.RunAsync(actor, c =>
        {
            Gate(c, "rollback.probe", runId);
            var current = Load(c, runId);
            var step = Expect(current, RollbackSteps.Probe);
            var entry = c.Record("rollback.probe", Subject(current), new { passed, results = results.Select(r => new { r.Url, r.StatusCode, r.LatencyMs, r.Passed }) },
                passed ? LedgerOutcome.Allowed : LedgerOutcome.Failed);
            var probed = step with { Probes = [.. step.Probes, .. results], Evidence = lines };
            var updated = passed
                ? Complete(c, current.WithStep(probed with { DoneBy = c.Actor.DisplayName, DoneAt = c.Now, Summary = "Resolver and rules API answer with the last known good", LedgerSequence = entry.Sequence }))
                : current.WithStep(probed with { Attempts = [.. step.Attempts, $"{c.Now:HH:mm:ss} UTC {c.Actor.DisplayName}: probes failed"] });
            c.Session.Rollbacks.Upsert(updated);
            OnIncident(c, updated, $"Rollback step 5: probes {(passed ? "passed" : "failed")}", string.Join("\n", lines));
            if (updated.Outcome is { } outcome)
            {
                OnIncident(c, updated, $"Rollback step 6: {outcome.Summary}", null);
            }

            Published(c, updated, updated.Outcome is null ? "rollback.step" : "rollback.completed",
                updated.Outcome?.Summary ?? $"Step 5: probes {(passed ? "passed" : "failed")}", entry.Sequence);
            return updated;
        }, cancellationToken);
    }

    /// <summary>Step 6, filled automatically: every timestamp, and each timer met or missed by how much.</summary>
    private RollbackRun Complete(Change c, RollbackRun run)
    {
        var safe = RollbackTimers.SafeState(run, c.Now, Options.AmberFraction);
        var integrity = RollbackTimers.Integrity(run, c.Now, Options.AmberFraction);
        var passed = safe.Status == TimerStatus.Met && integrity.Status == TimerStatus.Met;
        var summary = $"{(passed ? "Objective met" : "Objective missed")}: {Describe(safe)}; {Describe(integrity)}";
        var entry = c.Record(run.Drill ? "rollback.drill-recorded" : "rollback.complete", Subject(run), new { passed, safe = Describe(safe), integrity = Describe(integrity) });
        var record = run.Step(RollbackSteps.Record) with
        {
            DoneBy = "OperatorConsole",
            DoneAt = c.Now,
            Summary = summary,
            Evidence =
            [
                $"Bad publish confirmed {run.BadPublishConfirmedAt:yyyy-MM-dd HH:mm:ss} UTC",
                $"Rollback started {run.StartedAt:yyyy-MM-dd HH:mm:ss} UTC by {run.StartedBy}",
                $"Safe active state {run.SafeStateAt:yyyy-MM-dd HH:mm:ss} UTC — {Describe(safe)}",
                $"Integrity confirmed {run.IntegrityConfirmedAt:yyyy-MM-dd HH:mm:ss} UTC — {Describe(integrity)}",
                $"Completed {c.Now:yyyy-MM-dd HH:mm:ss} UTC; recorded as {(run.Drill ? "drill" : "incident")} evidence",
            ],
            LedgerSequence = entry.Sequence,
        };
        return run.WithStep(record) with
        {
            Status = RollbackStatus.Completed,
            CompletedAt = c.Now,
            Outcome = new RollbackOutcome(safe, integrity, passed, summary),
        };
    }

    public static string Describe(TimerState t) => t.Status switch
    {
        TimerStatus.Met => $"{t.Name.ToLowerInvariant()} in {Durations.Format(t.Elapsed)}, met ({Durations.Format(t.Limit)} limit)",
        TimerStatus.Missed => $"{t.Name.ToLowerInvariant()} in {Durations.Format(t.Elapsed)}, missed by {Durations.Format(t.MissedBy!.Value)}",
        _ => $"{t.Name.ToLowerInvariant()} still open after {Durations.Format(t.Elapsed)}",
    };

    private static ProbeSpec GetProbe(string url) => new("GET", url, 200, null, null, null, null, ProbeTimeoutMs);
}
