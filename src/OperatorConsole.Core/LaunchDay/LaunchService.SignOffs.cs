using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>The three sign-offs, who may give them (duties an Admin assigns), and their invalidation.</summary>
public sealed partial class LaunchService
{
    private static readonly LaunchStepKind[] Validated =
        [LaunchStepKind.ConfigVerified, LaunchStepKind.FirstPublishValidated, LaunchStepKind.ProductionProbes, LaunchStepKind.LiveAppFetch];

    public Task<Launch> SignOffAsync(Actor actor, string id, SignOffArea area, string? statement, CancellationToken ct = default) =>
        SignOffAsync(actor, id, area.ToString(), statement, ct);

    /// <summary>The area as a client named it; an unknown area is refused only after the role check.</summary>
    public Task<Launch> SignOffAsync(Actor actor, string id, string? areaName, string? statement, CancellationToken ct = default) =>
        changes.RunAsync(actor, c =>
        {
            c.Require(LaunchActions.SignOff, SubjectOf(id));
            var area = LaunchRules.CheckArea(areaName);
            var text = LaunchRules.CheckStatement(statement);
            var launch = Find(c.Session, id);
            c.RequireNotLockedDown(LaunchActions.SignOff, SubjectOf(id));
            var gate = noGo.Evaluate(c.Session, launch, c.Now);
            if (SignOffRefusal(launch, c.Session.Launches.Duties(), gate, c.Actor, area) is { } refusal)
            {
                c.Refuse(LaunchActions.SignOff, SubjectOf(id), new { area, reason = refusal.Message }, refusal);
            }

            var entry = c.Record(LaunchActions.SignOff, SubjectOf(id), new { area, statement = text });
            var signOff = new SignOff(area, c.Actor.Id, c.Actor.DisplayName, c.Now, text, entry.Sequence);
            return Store(c, launch with { SignOffs = [.. launch.SignOffs, signOff] }, entry, $"{c.Actor.DisplayName} signed off {area} for {launch.ReleaseVersion}");
        }, ct);

    /// <summary>Who holds which duty, for the Admin who assigns them (the refusal of anyone else is ledgered).</summary>
    public async Task<SignOffDuties> DutiesAsync(Actor actor, CancellationToken ct = default)
    {
        await changes.CheckAsync(actor, c => c.Require(Role.Admin, LaunchActions.ReadDuties, "launch-duties"), ct);
        return Duties();
    }

    public Task<SignOffDuties> SetDutiesAsync(Actor actor, SignOffArea area, IReadOnlyList<string> userIds, CancellationToken ct = default) =>
        SetDutiesAsync(actor, area.ToString(), userIds, ct);

    /// <summary>The area as a client named it; an unknown area is refused only after the role check.</summary>
    public Task<SignOffDuties> SetDutiesAsync(Actor actor, string? areaName, IReadOnlyList<string>? userIds, CancellationToken ct = default) =>
        changes.RunAsync(actor, c =>
        {
            c.Require(Role.Admin, LaunchActions.SetDuties, "launch-duties");
            var area = LaunchRules.CheckArea(areaName);
            var ids = LaunchRules.CheckDutyHolders(userIds);
            var unfit = ids.Where(u => c.Session.Users.Get(u) is not { Disabled: false } user || (user.Roles & LaunchActions.Signers) == Role.None).ToList();
            if (unfit.Count > 0)
            {
                throw DomainValidationException.ForFields([new FieldProblem("userIds",
                    $"A sign-off duty goes to an enabled user with a role other than Viewer; these are not: {string.Join(", ", unfit)}.")]);
            }

            c.RequireNotLockedDown(LaunchActions.SetDuties, $"launch-duty:{area}");
            var current = c.Session.Launches.Duties();
            var next = new SignOffDuties(new Dictionary<SignOffArea, IReadOnlyList<string>>(current.UserIds) { [area] = ids });
            c.Session.Launches.SaveDuties(next);
            var entry = c.Record(LaunchActions.SetDuties, $"launch-duty:{area}", new { area, userIds = ids });
            c.Publish(Topics.Launches, LaunchActions.SetDuties, area.ToString(), $"{area} sign-off duty: {(ids.Count == 0 ? "nobody" : string.Join(", ", ids))}", entry.Sequence);
            return next;
        }, ct);

    /// <summary>Why <paramref name="actor"/> may not sign <paramref name="area"/> now, or null when they may.</summary>
    private static DomainException? SignOffRefusal(Launch launch, SignOffDuties duties, LaunchGate gate, Actor actor, SignOffArea area)
    {
        if (CompleteRefusal(launch) is { } complete)
        {
            return complete;
        }

        if (!duties.Holds(actor.Id, area))
        {
            return new AccessDeniedException($"{actor.DisplayName} does not hold the {area} sign-off duty; an Admin assigns who signs which area.");
        }

        var own = launch.ValidSignOffs.FirstOrDefault(s => s.UserId == actor.Id);
        if (own is not null)
        {
            return new ConflictException(own.Area == area
                ? $"{actor.DisplayName} has already signed off {area} for this launch."
                : $"{actor.DisplayName} has already signed off {own.Area}; three different people sign product, engineering and QA.");
        }

        if (launch.ValidSignOffs.FirstOrDefault(s => s.Area == area) is { } taken)
        {
            return new ConflictException($"{area} is already signed off by {taken.UserName}.");
        }

        return StepsRefusal(launch, "sign-off") ?? GateRefusal(gate, "Sign-off");
    }

    private static ConflictException? StepsRefusal(Launch launch, string what)
    {
        var open = Validated.Select(launch.Step).Where(s => s.State != LaunchStepState.Passed).ToList();
        return open.Count == 0 ? null
            : new ConflictException($"Steps 1–4 must pass before {what}; not passed: {string.Join(", ", open.Select(s => $"{s.Kind} ({s.State})"))}.");
    }

    private static ConflictException? GateRefusal(LaunchGate gate, string what) =>
        gate.NoGo
            ? new ConflictException($"NO-GO: {what} is refused while a no-go rule holds. {string.Join(" ", gate.Rules.Where(r => r.Holds).Select(r => $"{r.Title}: {r.Why}"))}")
            : null;

    /// <summary>
    /// A validated item changed: every sign-off still valid is marked invalidated (kept, as evidence) with why, in a
    /// ledger entry of its own and a live event. Returns the launch unchanged when there was nothing to invalidate.
    /// </summary>
    private static Launch Invalidate(Change c, Launch launch, string because)
    {
        var valid = launch.ValidSignOffs.ToList();
        if (valid.Count == 0)
        {
            return launch;
        }

        var entry = c.Record(LaunchActions.SignOffsInvalidated, SubjectOf(launch.Id),
            new { because, signOffs = valid.Select(s => new { s.Area, s.UserId, s.LedgerSequence }) });
        var summary = $"{valid.Count} sign-off(s) invalidated: {because}";
        c.Publish(Topics.Launches, entry.Action, launch.Id, summary, entry.Sequence);
        c.Publish(Topics.Launch(launch.Id), entry.Action, launch.Id, summary, entry.Sequence);
        return launch with
        {
            SignOffs = [.. launch.SignOffs.Select(s => s.InvalidatedAt is null ? s with { InvalidatedAt = c.Now, InvalidatedBecause = because } : s)],
        };
    }
}
