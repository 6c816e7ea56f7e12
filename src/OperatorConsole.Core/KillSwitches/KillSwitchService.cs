using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.KillSwitches;

/// <summary>
/// Kill switches: admins define them; OnCall (or an incident owner) flips them with a reason, each flip leaving an
/// evidence record whose validation result is filled in afterwards; a drill flips and restores as a recorded test.
/// Every change takes the next global version and is published on <see cref="Topics.KillSwitches"/> after commit.
/// On (engaged) is every switch's safe state: in lockdown, create/edit, drills and flips to off are refused; turning a
/// protective switch off needs a confirmation token (guarded action disable-protective-switch).
/// </summary>
public sealed partial class KillSwitchService(ChangeRunner changes, GuardedActionService guarded)
{
    public const int MaxDescription = 500;
    public const int MaxReason = 1000;
    public const int MaxValidation = 2000;

    public const Role Admins = Role.Admin;
    public const Role Flippers = Role.OnCall | Role.IncidentOwner;

    public IReadOnlyList<KillSwitch> List() => changes.Store.Read(s => s.KillSwitches.All());

    public long CurrentVersion() => changes.Store.Read(s => s.KillSwitches.CurrentVersion());

    public KillSwitch? Get(string key, string? scope = null) =>
        changes.Store.Read(s => s.KillSwitches.Get(key, NormalizeScope(scope)));

    /// <summary>The switch a service in <paramref name="scope"/> obeys: the one for that scope, else the global one.</summary>
    public KillSwitch? Resolve(string key, string? scope = null)
    {
        var wanted = NormalizeScope(scope);
        return changes.Store.Read(s => s.KillSwitches.Get(key, wanted)
            ?? (wanted == KillSwitch.GlobalScope ? null : s.KillSwitches.Get(key, KillSwitch.GlobalScope)));
    }

    /// <summary>
    /// For a (re)connecting client: everything when <paramref name="sinceVersion"/> is null, zero or ahead of the store
    /// (the store was replaced), otherwise only switches changed after it.
    /// </summary>
    public KillSwitchSnapshot Snapshot(long? sinceVersion = null) => changes.Store.Read(s =>
    {
        var version = s.KillSwitches.CurrentVersion();
        return sinceVersion is > 0 && sinceVersion <= version
            ? new KillSwitchSnapshot(version, false, s.KillSwitches.ChangedSince(sinceVersion.Value))
            : new KillSwitchSnapshot(version, true, s.KillSwitches.All());
    });

    /// <summary>One page of the switch's history, newest first; NotFound for an unknown switch.</summary>
    public SwitchHistoryPage History(string key, string? scope, SwitchHistoryPaging paging) => changes.Store.Read(s =>
    {
        var wanted = NormalizeScope(scope);
        var found = s.KillSwitches.Get(key, wanted) ?? throw new NotFoundException($"No kill switch '{key}' for scope '{wanted}'.");

        // One extra line tells whether an older page exists without counting.
        var lines = s.KillSwitches.History(found.Id, paging.Before, paging.Limit + 1);
        return lines.Count > paging.Limit
            ? new SwitchHistoryPage([.. lines.Take(paging.Limit)], lines[paging.Limit - 1].Version)
            : new SwitchHistoryPage(lines, null);
    });

    public IReadOnlyList<KillSwitchEvidence> Evidence(string key, string? scope = null) =>
        changes.Store.Read(s => s.KillSwitches.Evidence(key, NormalizeScope(scope)));

    public async Task<KillSwitch> CreateAsync(Actor actor, KillSwitchDefinition definition)
    {
        var scope = NormalizeScope(definition.Scope);
        return await changes.RunAsync(actor, c =>
        {
            c.Require(KillSwitchActions.Create, $"kill-switch:{KillSwitch.IdOf(definition.Key, scope)}");
            var problems = new List<FieldProblem>();
            CheckKey(definition.Key, problems);
            CheckScope(scope, problems);
            CheckText(definition.Description, "description", "A description", MaxDescription, problems);
            ThrowIfAny(problems);

            if (c.Session.KillSwitches.Get(definition.Key, scope) is not null)
            {
                throw new ConflictException($"Kill switch '{definition.Key}' already exists for scope '{scope}'.");
            }

            var version = c.Session.KillSwitches.NextVersion();
            var created = new KillSwitch
            {
                Key = definition.Key,
                Scope = scope,
                Description = definition.Description.Trim(),
                DefaultOn = definition.DefaultOn,
                On = definition.DefaultOn,
                Protective = definition.Protective,
                Version = version,
            };
            c.Session.KillSwitches.Upsert(created);
            c.Session.KillSwitches.AppendHistory(created.Id, new SwitchHistoryEntry(version, c.Now, c.Actor.DisplayName, SwitchActions.Created, definition.DefaultOn, null));
            var entry = c.Record(KillSwitchActions.Create, Subject(created), new { created.Key, created.Scope, created.Description, created.DefaultOn, created.Protective });
            c.Publish(Topics.KillSwitches, KillSwitchEvents.Created, created.Id, $"Kill switch {created.Id} created", entry.Sequence, version, created);
            return created;
        });
    }

    /// <summary>Admin: description, default and (when given) whether turning the switch off is guarded.</summary>
    public async Task<KillSwitch> EditAsync(Actor actor, string key, string? scope, string description, bool defaultOn, bool? protective = null)
    {
        var s = NormalizeScope(scope);
        return await changes.RunAsync(actor, c =>
        {
            c.Require(KillSwitchActions.Edit, $"kill-switch:{KillSwitch.IdOf(key, s)}");
            var problems = new List<FieldProblem>();
            CheckText(description, "description", "A description", MaxDescription, problems);
            ThrowIfAny(problems);

            var current = Load(c, key, s);
            var version = c.Session.KillSwitches.NextVersion();
            var edited = current with
            {
                Description = description.Trim(),
                DefaultOn = defaultOn,
                Protective = protective ?? current.Protective,
                Version = version,
            };
            c.Session.KillSwitches.Upsert(edited);
            c.Session.KillSwitches.AppendHistory(edited.Id, new SwitchHistoryEntry(version, c.Now, c.Actor.DisplayName, SwitchActions.Edited, current.On, null));
            var entry = c.Record(KillSwitchActions.Edit, Subject(edited), new { edited.Description, edited.DefaultOn, edited.Protective });
            c.Publish(Topics.KillSwitches, KillSwitchEvents.Edited, edited.Id, $"Kill switch {edited.Id} edited", entry.Sequence, version, edited);
            return edited;
        });
    }

    /// <summary>
    /// Turns the switch on or off. A reason is required; a named incident gets a timeline entry. Turning a protective
    /// switch off needs the token of <see cref="RequestDisableAsync"/>; turning any switch off is refused in lockdown.
    /// </summary>
    public async Task<KillSwitchFlip> FlipAsync(
        Actor actor, string key, string? scope, bool on, string? reason, string? incidentId = null, string? confirmationToken = null)
    {
        var s = NormalizeScope(scope);
        var subject = $"kill-switch:{KillSwitch.IdOf(key, s)}";
        return await changes.RunAsync(actor, c =>
        {
            c.Require(KillSwitchActions.Flip, subject);
            var problems = new List<FieldProblem>();
            CheckText(reason, "reason", "A reason", MaxReason, problems);
            ThrowIfAny(problems);
            var why = reason!.Trim();
            var incident = string.IsNullOrWhiteSpace(incidentId) ? null : incidentId.Trim();
            if (!on)
            {
                c.RequireNotLockedDown(KillSwitchActions.Flip, subject);
            }

            var current = Load(c, key, s);
            var guardedOff = !on && current is { Protective: true, On: true };
            if (guardedOff && string.IsNullOrEmpty(confirmationToken))
            {
                c.Refuse(KillSwitchActions.Flip, subject, new { reason = "protective switch: confirmation token required" }, new ConfirmationRequiredException(
                    $"Kill switch {current.Id} is protective: turning it off needs a confirmation token. Request one first (disable request), then flip with it."));
            }

            if (current.On == on)
            {
                throw new ConflictException($"Kill switch {current.Id} is already {State(on)}.");
            }

            if (guardedOff)
            {
                guarded.Consume(c, confirmationToken!, GuardedActionTypes.DisableProtectiveSwitch, current.Id, new DisableSwitchParameters(current.Id, why));
            }

            var version = c.Session.KillSwitches.NextVersion();
            var evidence = NewEvidence(c, current, on, why, incident, drill: false);
            var flipped = current with
            {
                On = on,
                Version = version,
                LastChange = new SwitchChange(c.Actor.Id, c.Actor.DisplayName, c.Now, why, incident),
                PendingEvidenceId = evidence.Id,
            };
            c.Session.KillSwitches.Upsert(flipped);
            c.Session.KillSwitches.AppendHistory(flipped.Id, new SwitchHistoryEntry(version, c.Now, c.Actor.DisplayName, SwitchActions.Flipped, on, why, incident, evidence.Id));
            c.Session.KillSwitches.Upsert(evidence);
            var entry = c.Record(KillSwitchActions.Flip, Subject(flipped), new { flipped.Key, flipped.Scope, on, reason = why, incidentId = incident, evidenceId = evidence.Id });
            var summary = $"{c.Actor.DisplayName} turned {flipped.Id} {State(on)}: {why}";
            if (incident is not null)
            {
                IncidentTimeline.Append(c, incident, TimelineKinds.KillSwitch, $"Kill switch {flipped.Id} turned {State(on)}", why);
            }

            if (on)
            {
                IncidentObligations.KillSwitchEngaged(c, flipped.Id, flipped.Scope, incident, entry.Sequence);
            }

            c.Publish(Topics.KillSwitches, KillSwitchEvents.Flipped, flipped.Id, summary, entry.Sequence, version, flipped);
            return new KillSwitchFlip(flipped, evidence);
        });
    }

    /// <summary>Step one of turning a protective switch off: a token bound to the switch and the reason.</summary>
    public async Task<GuardedRequest> RequestDisableAsync(Actor actor, string key, string? scope, string? reason)
    {
        var s = NormalizeScope(scope);
        await guarded.RequireRoleAsync(actor, GuardedActionTypes.DisableProtectiveSwitch, $"kill-switch:{KillSwitch.IdOf(key, s)}");
        var problems = new List<FieldProblem>();
        CheckText(reason, "reason", "A reason", MaxReason, problems);
        ThrowIfAny(problems);
        return await guarded.RequestCheckedAsync(actor, GuardedActionTypes.DisableProtectiveSwitch, KillSwitch.IdOf(key, s), c =>
        {
            var current = Load(c, key, s);
            if (!current.Protective || !current.On)
            {
                throw new ConflictException($"Kill switch {current.Id} is {(current.On ? "not protective" : "already off")}; turning it off needs no confirmation.");
            }

            return new DisableSwitchParameters(current.Id, reason!.Trim());
        });
    }

    /// <summary>Fills the validation result of the switch's pending flip evidence; the switch stops showing "validation pending".</summary>
    public async Task<KillSwitchEvidence> RecordValidationAsync(Actor actor, string key, string? scope, string? result)
    {
        var s = NormalizeScope(scope);
        return await changes.RunAsync(actor, c =>
        {
            c.Require(KillSwitchActions.Validate, $"kill-switch:{KillSwitch.IdOf(key, s)}");
            var problems = new List<FieldProblem>();
            CheckText(result, "result", "A validation result", MaxValidation, problems);
            ThrowIfAny(problems);

            var current = Load(c, key, s);
            var pending = current.PendingEvidenceId is null ? null : c.Session.KillSwitches.GetEvidence(current.PendingEvidenceId);
            if (pending is null)
            {
                throw new ConflictException($"Kill switch {current.Id} has no flip awaiting a validation result.");
            }

            var validated = pending with { ValidationResult = result!.Trim(), ValidatedBy = c.Actor.DisplayName, ValidatedAt = c.Now };
            var version = c.Session.KillSwitches.NextVersion();
            var updated = current with
            {
                PendingEvidenceId = null,
                Version = version,
            };
            c.Session.KillSwitches.Upsert(validated);
            c.Session.KillSwitches.Upsert(updated);
            c.Session.KillSwitches.AppendHistory(
                updated.Id, new SwitchHistoryEntry(version, c.Now, c.Actor.DisplayName, SwitchActions.Validated, current.On, validated.ValidationResult, pending.IncidentId, pending.Id));
            var entry = c.Record(KillSwitchActions.Validate, Subject(updated), new { evidenceId = pending.Id, result = validated.ValidationResult });
            if (pending.IncidentId is not null && c.Session.Incidents.Get(pending.IncidentId) is not null)
            {
                IncidentTimeline.Append(c, pending.IncidentId, TimelineKinds.KillSwitch, $"Kill switch {updated.Id} validated", validated.ValidationResult);
            }

            c.Publish(Topics.KillSwitches, KillSwitchEvents.Validated, updated.Id, $"{c.Actor.DisplayName} validated {updated.Id}", entry.Sequence, version, updated);
            return validated;
        });
    }

    /// <summary>
    /// A drill: the switch is flipped and restored within one change, recorded as a test with its own evidence
    /// record (already validated as a drill), and the switch is marked tested. Its live state ends where it began.
    /// </summary>
    public async Task<KillSwitchFlip> DrillAsync(Actor actor, string key, string? scope, string? reason)
    {
        var s = NormalizeScope(scope);
        return await changes.RunAsync(actor, c =>
        {
            c.Require(KillSwitchActions.Drill, $"kill-switch:{KillSwitch.IdOf(key, s)}");
            var problems = new List<FieldProblem>();
            CheckText(reason, "reason", "A reason", MaxReason, problems);
            ThrowIfAny(problems);

            // A drill flips away from the safe state (and back), so lockdown refuses it like any flip to off.
            var why = reason!.Trim();

            var current = Load(c, key, s);
            var evidence = NewEvidence(c, current, !current.On, why, null, drill: true) with
            {
                ValidationResult = $"Drill: turned {State(!current.On)} and restored to {State(current.On)}.",
                ValidatedBy = c.Actor.DisplayName,
                ValidatedAt = c.Now,
            };
            var flipVersion = c.Session.KillSwitches.NextVersion();
            var restoreVersion = c.Session.KillSwitches.NextVersion();
            var drilled = current with
            {
                Version = restoreVersion,
                Tested = true,
                TestedAt = c.Now,
            };
            c.Session.KillSwitches.Upsert(evidence);
            c.Session.KillSwitches.Upsert(drilled);
            c.Session.KillSwitches.AppendHistory(drilled.Id, new SwitchHistoryEntry(flipVersion, c.Now, c.Actor.DisplayName, SwitchActions.Drilled, !current.On, why, null, evidence.Id));
            c.Session.KillSwitches.AppendHistory(drilled.Id, new SwitchHistoryEntry(restoreVersion, c.Now, c.Actor.DisplayName, SwitchActions.Drilled, current.On, "drill restore", null, evidence.Id));
            var entry = c.Record(KillSwitchActions.Drill, Subject(drilled), new { drilled.Key, drilled.Scope, reason = why, evidenceId = evidence.Id });
            c.Publish(Topics.KillSwitches, KillSwitchEvents.Drilled, drilled.Id, $"{c.Actor.DisplayName} drilled {drilled.Id}: {why}", entry.Sequence, restoreVersion, drilled);
            return new KillSwitchFlip(drilled, evidence);
        });
    }

    public static string NormalizeScope(string? scope) =>
        string.IsNullOrWhiteSpace(scope) ? KillSwitch.GlobalScope : scope.Trim();

    private static string State(bool on) => on ? "on" : "off";

    private static string Subject(KillSwitch s) => $"kill-switch:{s.Id}";

    private static KillSwitch Load(Change c, string key, string scope) =>
        c.Session.KillSwitches.Get(key, scope)
        ?? throw new NotFoundException($"No kill switch '{key}' for scope '{scope}'.");

    private static KillSwitchEvidence NewEvidence(Change c, KillSwitch s, bool on, string reason, string? incidentId, bool drill) => new()
    {
        Id = Guid.NewGuid().ToString("N")[..12],
        SwitchKey = s.Key,
        Scope = s.Scope,
        On = on,
        Reason = reason,
        ActivatedAt = c.Now,
        ActorId = c.Actor.Id,
        ActorName = c.Actor.DisplayName,
        IncidentId = incidentId,
        Drill = drill,
    };
}
